package io.towerline.api.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps parsed and validated documents, so a document that clients send again and again
 * (every integration does) is parsed and validated once. Bounded by the documents' total
 * length (a parsed document's size follows its text), so large documents cannot crowd
 * memory; documents that failed validation are cached too, so a bad document costs once.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	/** What an entry costs beyond its text (its key, the entry, a small syntax tree). */
	private static final int ENTRY_OVERHEAD = 1_000;

	private final Cache<String, PreparsedDocumentEntry> documents;

	ParsedDocumentCache(long maximumCharacters) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maximumCharacters)
			.<String, PreparsedDocumentEntry>weigher((query, entry) -> ENTRY_OVERHEAD + query.length())
			.build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture
			.completedFuture(this.documents.get(input.getQuery(), (query) -> parseAndValidate.apply(input)));
	}

}
