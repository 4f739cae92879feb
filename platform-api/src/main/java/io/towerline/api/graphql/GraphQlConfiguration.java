package io.towerline.api.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars, the parsed-document cache and the basic execution limits of the gateway. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	/**
	 * Deepest selection any client needs today is 5 (connection → edges → node → field →
	 * sub-field).
	 */
	static final int MAX_DEPTH = 10;

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache() {
		ParsedDocumentCache cache = new ParsedDocumentCache(2_000);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth() {
		return new MaxQueryDepthInstrumentation(MAX_DEPTH);
	}

}
