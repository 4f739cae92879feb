package io.towerline.api.graphql;

import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.towerline.api.limits.DocumentGuard;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars and the parsed-document cache, wrapped in the document limits (depth, aliases,
 * parser tokens, introspection, trusted documents; see {@link DocumentGuard}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	/**
	 * Total length of the cached documents: thousands of ordinary documents, but only a
	 * hundred or so of the largest the parser accepts.
	 */
	static final long DOCUMENT_CACHE_CHARACTERS = 10_000_000;

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(DocumentGuard guard) {
		PreparsedDocumentProvider documents = guard.around(new ParsedDocumentCache(DOCUMENT_CACHE_CHARACTERS));
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

}
