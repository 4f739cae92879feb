package io.towerline.api.ratelimit;

import javax.sql.DataSource;

import io.towerline.api.limits.GraphQlLimitsProperties;
import io.towerline.api.security.SecurityProperties;
import io.towerline.api.usage.RequestCounts;
import io.towerline.core.tenancy.catalog.TenantCatalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
	RateLimitInterceptor rateLimitInterceptor(RateLimiter limiter, RequestCounts counts, SecurityProperties security,
			RateLimitProperties properties, TenantSubscriptions subscriptions) {
		return new RateLimitInterceptor(limiter, counts, security.platformTenant(),
				new RecentRefusals(properties.longestRefill()),
				new TenantBulkhead(properties.concurrentOperations(), properties.concurrencyWait()), subscriptions);
	}

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
		return new RateLimitedHttpHandler(handler);
	}

}
