package io.towerline.api.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the GraphQL document limits as an input-to-verdict function
 * through the guard's public entry (run with {@code -Pfuzz}; otherwise the stored inputs
 * replay): any text against the real schema yields a verdict (a document, or errors) in
 * bounded time, never an exception, and every refusal by a limit carries its code.
 */
class DocumentGuardFuzzTests {

	private static final GraphQLSchema SCHEMA = schema();

	private static final PreparsedDocumentProvider GUARDED = new DocumentGuard(
			new GraphQlLimitsProperties(0, 0, 0, 0, 0, null, null, null), false, null)
		.around((input, parseAndValidate) -> CompletableFuture.completedFuture(parseAndValidate.apply(input)));

	@FuzzTest(maxDuration = "3m")
	void anyDocumentGetsAVerdict(@NotNull String query) throws Exception {
		ExecutionInput input = ExecutionInput.newExecutionInput(query).build();
		PreparsedDocumentEntry verdict = GUARDED.getDocumentAsync(input, DocumentGuardFuzzTests::parseAndValidate)
			.get();
		if (verdict.hasErrors()) {
			assertThat(verdict.getErrors()).allSatisfy((error) -> assertThat(error.getMessage()).isNotBlank());
		}
		else {
			assertThat(verdict.getDocument()).isNotNull();
			assertThat(query.length()).isLessThanOrEqualTo(100_000);
		}
	}

	private static PreparsedDocumentEntry parseAndValidate(ExecutionInput input) {
		ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA, input);
		return result.isFailure() ? new PreparsedDocumentEntry(result.getErrors())
				: new PreparsedDocumentEntry(result.getDocument());
	}

	private static GraphQLSchema schema() {
		try {
			TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath:graphql/*.graphqls")) {
				registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
			}
			return new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.MOCKED_WIRING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
