package io.towerline.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation rule, checked: every query, mutation and subscription of the schema is
 * named in a test class whose name contains {@code Isolation} (tenant B on tenant A's
 * ids, or tenant roles refused on a platform admin's field), ADR 0194. The list of 48
 * fields it left without such a case is gone (ADR 0203): a new field without a
 * cross-tenant case fails it.
 */
class IsolationCoverageTests {

	private static final Path SCHEMA = Path.of("src/main/resources/graphql");

	private static final Path TESTS = Path.of("src/test/java");

	private static final Path DOCUMENTS = Path.of("src/test/resources/graphql-test");

	private static final Pattern DOCUMENT_NAME = Pattern.compile("documentName\\(\"([\\w-]+)\"\\)");

	private static final Pattern COMMENTS = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*");

	@Test
	void shouldHaveAnIsolationCaseForEveryRootField() {
		Map<String, String> fields = rootFields();
		String isolationTests = isolationTestSources();
		Set<String> uncovered = new TreeSet<>();
		fields.forEach((field, where) -> {
			// used in a document ("alerts(first: 5) {", "alerts {"), a document's name or
			// a
			// result path ("alerts.edges") — not merely a word in prose
			boolean covered = Pattern.compile("\\b" + field + "\\s*[({}]|\"" + field + "[.\"]")
				.matcher(isolationTests)
				.find();
			if (!covered) {
				uncovered.add(where + " " + field);
			}
		});
		assertThat(uncovered).as("root fields named in no *Isolation* test class").isEmpty();
	}

	/** Every field of Query, Mutation and Subscription, with its type and file. */
	private static Map<String, String> rootFields() {
		Map<String, String> fields = new TreeMap<>();
		for (Path file : SourceFiles.under(SCHEMA, ".graphqls")) {
			TypeDefinitionRegistry registry = new SchemaParser().parse(SourceFiles.read(file));
			Stream
				.concat(registry.getType("Query", ObjectTypeDefinition.class).stream(),
						Stream.of("Query", "Mutation", "Subscription")
							.flatMap((name) -> registry.objectTypeExtensions().getOrDefault(name, List.of()).stream()))
				.forEach((type) -> type.getFieldDefinitions()
					.stream()
					.map(FieldDefinition::getName)
					.forEach((name) -> fields.put(name, type.getName() + " (" + file.getFileName() + ")")));
			Stream.of("Mutation", "Subscription")
				.flatMap((name) -> registry.getType(name, ObjectTypeDefinition.class).stream())
				.forEach((type) -> type.getFieldDefinitions()
					.forEach((field) -> fields.put(field.getName(), type.getName() + " (" + file.getFileName() + ")")));
		}
		assertThat(fields).as("root fields found").hasSizeGreaterThan(100);
		return fields;
	}

	private static String isolationTestSources() {
		StringBuilder sources = new StringBuilder();
		for (Path file : SourceFiles.under(TESTS, ".java")) {
			if (file.getFileName().toString().contains("Isolation")
					&& !file.getFileName().toString().equals("IsolationCoverageTests.java")) {
				String source = COMMENTS.matcher(SourceFiles.read(file)).replaceAll(" ");
				sources.append(source).append('\n');
				// the documents it runs by name count as its text
				Matcher documents = DOCUMENT_NAME.matcher(source);
				while (documents.find()) {
					Path document = DOCUMENTS.resolve(documents.group(1) + ".graphql");
					if (Files.exists(document)) {
						sources.append(SourceFiles.read(document)).append('\n');
					}
				}
			}
		}
		assertThat(sources).as("isolation test classes found").isNotEmpty();
		return sources.toString();
	}

}
