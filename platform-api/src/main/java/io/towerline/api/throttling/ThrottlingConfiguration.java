package io.towerline.api.throttling;

import javax.sql.DataSource;

import io.towerline.api.graphql.GraphQlRequestReader;
import io.towerline.api.limits.GraphQlLimitsProperties;
import io.towerline.api.security.SecurityProperties;
import io.towerline.api.usage.RequestCounts;
import io.towerline.core.tenancy.catalog.TenantCatalog;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/** Buckets (in-process or PostgreSQL), the charge per operation, and HTTP 429. */
@Configuration(proxyBeanMethods = false)
class ThrottlingConfiguration {

	@Bean
	BucketStore bucketStore(ThrottlingProperties properties, DataSource dataSource) {
		return switch (properties.backend()) {
			case LOCAL -> new LocalBuckets(properties.longestRefill());
			case POSTGRESQL -> new PostgresBuckets(dataSource);
		};
	}

	@Bean
	TenantTiers tenantTiers(TenantCatalog catalog, ThrottlingProperties properties) {
		return new TenantTiers(catalog, properties);
	}

	@Bean
	Throttle throttle(BucketStore store, TenantTiers tiers, ThrottlingProperties properties) {
		return new Throttle(store, tiers, properties);
	}

	@Bean
	TenantSubscriptions tenantSubscriptions(ThrottlingProperties properties) {
		return new TenantSubscriptions(properties.maxSubscriptions());
	}

	@Bean
	CostInstrumentation costInstrumentation(Throttle limiter, GraphQlLimitsProperties limits,
			TenantSubscriptions subscriptions) {
		return new CostInstrumentation(limiter, limits.maxCost(), subscriptions);
	}

	@Bean
	RecentRefusals recentRefusals(ThrottlingProperties properties) {
		return new RecentRefusals(properties.longestRefill());
	}

	@Bean
	ThrottlingInterceptor throttlingInterceptor(Throttle limiter, RequestCounts counts, SecurityProperties security,
			ThrottlingProperties properties, TenantSubscriptions subscriptions, RecentRefusals refusals) {
		return new ThrottlingInterceptor(limiter, counts, security.platformTenant(), refusals,
				new TenantBulkhead(properties.concurrentOperations(), properties.concurrencyWait()), subscriptions);
	}

	/**
	 * Before security: a replay of a throttled request is refused before its token is
	 * verified.
	 */
	@Bean
	FilterRegistrationBean<ThrottledReplayFilter> throttledReplayFilter(RecentRefusals refusals,
			ThrottlingProperties properties, @Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<ThrottledReplayFilter> registration = new FilterRegistrationBean<>(
				new ThrottledReplayFilter(refusals, properties.replayDelay()));
		registration.addUrlPatterns(path);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
		return new ThrottledHttpHandler(handler, new GraphQlRequestReader(json));
	}

}
