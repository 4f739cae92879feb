package io.towerline.api.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import org.jspecify.annotations.Nullable;

/**
 * The document-level limits, wrapped around the parsed-document cache.
 * <ul>
 * <li>Outside the cache: with trusted documents on, a document not in the manifest is
 * refused before it is parsed, and never enters the cache.</li>
 * <li>Inside the cache (once per distinct document): the parser runs with token and size
 * limits; a validated document is then measured for depth, aliases and introspection.
 * Refusals are cached like any invalid document, so a repeated bad document costs one map
 * lookup.</li>
 * </ul>
 */
public final class DocumentGuard {

	private final GraphQlLimitsProperties limits;

	private final boolean introspectionEnabled;

	private final @Nullable TrustedDocuments trusted;

	private final ParserOptions parserOptions;

	DocumentGuard(GraphQlLimitsProperties limits, boolean introspectionEnabled, @Nullable TrustedDocuments trusted) {
		this.limits = limits;
		this.introspectionEnabled = introspectionEnabled;
		this.trusted = trusted;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(limits.maxTokens()).maxCharacters(limits.maxCharacters()));
	}

	/** A document provider that applies these limits around {@code cache}. */
	public PreparsedDocumentProvider around(PreparsedDocumentProvider cache) {
		return new GuardedDocuments(cache);
	}

	private PreparsedDocumentEntry parseAndCheck(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		// graphql-java's parser reads its options from the request context
		input.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (entry.hasErrors()) {
			return entry.getErrors().stream().anyMatch(InvalidSyntaxError.class::isInstance)
					? parserLimitError(input.getQuery(), entry) : entry;
		}
		DocumentShape shape = DocumentShape.of(entry.getDocument());
		List<GraphQLError> errors = new ArrayList<>();
		if (shape.introspects() && !this.introspectionEnabled) {
			errors.add(LimitCode.INTROSPECTION_DISABLED.error("Introspection is disabled in this deployment; "
					+ "the schema is published with the API documentation"));
		}
		if (shape.depth() > this.limits.maxDepth()) {
			errors.add(
					LimitCode.MAX_DEPTH_EXCEEDED.error(
							"The document nests " + shape.depth() + " levels deep; at most " + this.limits.maxDepth()
									+ " are allowed",
							Map.of("depth", shape.depth(), "maxDepth", this.limits.maxDepth())));
		}
		if (shape.aliases() > this.limits.maxAliases()) {
			errors.add(LimitCode.MAX_ALIASES_EXCEEDED.error(
					"The document uses " + shape.aliases() + " aliases; at most " + this.limits.maxAliases()
							+ " are allowed",
					Map.of("aliases", shape.aliases(), "maxAliases", this.limits.maxAliases())));
		}
		return errors.isEmpty() ? entry : new PreparsedDocumentEntry(errors);
	}

	/**
	 * graphql-java reports a cancelled parse as an ordinary syntax error; parsing again
	 * (only for documents that failed to parse) tells the limit apart from a typo.
	 */
	private PreparsedDocumentEntry parserLimitError(String query, PreparsedDocumentEntry entry) {
		try {
			new Parser().parseDocument(
					ParserEnvironment.newParserEnvironment().document(query).parserOptions(this.parserOptions).build());
			return entry;
		}
		catch (ParseCancelledException | ParseCancelledTooManyCharsException | ParseCancelledTooDeepException ex) {
			return new PreparsedDocumentEntry(LimitCode.MAX_TOKENS_EXCEEDED.error(
					"The document is too large: at most " + this.limits.maxTokens() + " tokens and "
							+ this.limits.maxCharacters() + " characters are read",
					Map.of("maxTokens", this.limits.maxTokens(), "maxCharacters", this.limits.maxCharacters())));
		}
		catch (InvalidSyntaxException ex) {
			return entry;
		}
	}

	private final class GuardedDocuments implements PreparsedDocumentProvider {

		private final PreparsedDocumentProvider cache;

		GuardedDocuments(PreparsedDocumentProvider cache) {
			this.cache = cache;
		}

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
			TrustedDocuments allowList = DocumentGuard.this.trusted;
			if (allowList != null && !allowList.contains(input.getQuery())) {
				return CompletableFuture
					.completedFuture(new PreparsedDocumentEntry(LimitCode.PERSISTED_QUERY_NOT_ALLOWED.error(
							"Only trusted documents are accepted and this document is not registered",
							Map.of("sha256", TrustedDocuments.sha256(input.getQuery())))));
			}
			return this.cache.getDocumentAsync(input, (in) -> parseAndCheck(in, parseAndValidate));
		}

	}

}
