package io.towerline.api.ratelimit;

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
class RateLimitConfiguration {

	@Bean
	BucketStore bucketStore(RateLimitProperties properties, DataSource dataSource) {
		return switch (properties.backend()) {
			case LOCAL -> new LocalBuckets(properties.longestRefill());
			case POSTGRESQL -> new PostgresBuckets(dataSource);
		};
	}

	@Bean
	TenantTiers tenantTiers(TenantCatalog catalog, RateLimitProperties properties) {
		return new TenantTiers(catalog, properties);
	}

	@Bean
	RateLimiter rateLimiter(BucketStore store, TenantTiers tiers, RateLimitProperties properties) {
		return new RateLimiter(store, tiers, properties);
	}

	@Bean
	TenantSubscriptions tenantSubscriptions(RateLimitProperties properties) {
		return new TenantSubscriptions(properties.maxSubscriptions());
	}

	@Bean
	CostInstrumentation costInstrumentation(RateLimiter limiter, GraphQlLimitsProperties limits,
			TenantSubscriptions subscriptions) {
		return new CostInstrumentation(limiter, limits.maxCost(), subscriptions);
	}

	@Bean
	RecentRefusals recentRefusals(RateLimitProperties properties) {
		return new RecentRefusals(properties.longestRefill());
	}

	@Bean
	RateLimitInterceptor rateLimitInterceptor(RateLimiter limiter, RequestCounts counts, SecurityProperties security,
			RateLimitProperties properties, TenantSubscriptions subscriptions, RecentRefusals refusals) {
		return new RateLimitInterceptor(limiter, counts, security.platformTenant(), refusals,
				new TenantBulkhead(properties.concurrentOperations(), properties.concurrencyWait()), subscriptions);
	}

	/**
	 * Before security: a replay of a throttled request is refused before its token is
	 * verified.
	 */
	@Bean
	FilterRegistrationBean<ThrottledReplayFilter> throttledReplayFilter(RecentRefusals refusals,
			RateLimitProperties properties, @Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<ThrottledReplayFilter> registration = new FilterRegistrationBean<>(
				new ThrottledReplayFilter(refusals, properties.replayDelay()));
		registration.addUrlPatterns(path);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
		return new RateLimitedHttpHandler(handler, new GraphQlRequestReader(json));
	}

}
