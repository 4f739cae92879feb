package io.towerline.api.graphql;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.WindowConnectionAdapter;

/**
 * Connections encode their cursors lazily, with the application's cursor strategy (see
 * {@link LazyCursorConnections}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	/** First, so that Spring's connection adapter finds finished connections. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	GraphQlSourceBuilderCustomizer lazyCursorConnections(CursorStrategy<ScrollPosition> cursors) {
		LazyCursorConnections visitor = new LazyCursorConnections(new WindowConnectionAdapter(cursors));
		return (builder) -> builder.typeVisitors(List.of(visitor));
	}

}
