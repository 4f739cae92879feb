package io.towerline.api.graphql;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.towerline.api.limits.DocumentGuard;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

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

	/** Opaque cursors for every connection; see {@link KeysetCursors}. */
	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		return KeysetCursors.strategy();
	}

	/** Checks page sizes before anything else looks at the operation. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	Instrumentation pageSizeCheck() {
		return new PageSizeCheck();
	}

	/** Coded JSON refusals of requests broken before GraphQL sees them. */
	@Bean
	HttpRequestErrors graphQlHttpRequestErrors(GraphQlProperties properties) {
		return new HttpRequestErrors(properties.getHttp().getPath());
	}

	/** Ahead of Spring Boot's GraphQL route, whose 415 has no body. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlUnsupportedMediaTypes(HttpRequestErrors errors) {
		return errors.unsupportedMediaTypes();
	}

	/** Refuses malformed IDs before any data fetcher sees them. */
	@Bean
	Instrumentation idArgumentCheck() {
		return new IdArgumentCheck();
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(DocumentGuard guard) {
		PreparsedDocumentProvider documents = guard.around(new ParsedDocumentCache(DOCUMENT_CACHE_CHARACTERS));
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

}
