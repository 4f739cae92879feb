package io.towerline.api.graphql;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * What a {@code @GraphQlTest} of one controller needs beyond the slice: the scalars,
 * cursors and argument checks of {@link GraphQlConfiguration} (whose other beans belong
 * to the HTTP layer and the document limits), controller methods on the calling thread,
 * and method security so that the {@code @PreAuthorize} role rules apply. The error
 * resolver and the controllers' own wiring are components the slice finds by itself.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
@Import({ ConnectionConfiguration.class, InlineControllerExecution.class, SubscriptionErrorResolver.class })
public class GraphQlSliceConfiguration {

	@Bean
	RuntimeWiringConfigurer sliceScalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	@Bean
	EncodingCursorStrategy<ScrollPosition> sliceCursorStrategy() {
		return KeysetCursors.strategy();
	}

	@Bean
	Instrumentation slicePageSizeCheck() {
		return new PageSizeCheck();
	}

	@Bean
	Instrumentation sliceIdArgumentCheck() {
		return new IdArgumentCheck();
	}

}
