package io.towerline.core.tenancy.catalog;

/** How much API capacity a tenant buys; the gateway turns the tier into rate limits. */
public enum RateLimitTier {

	STARTER, STANDARD, ENTERPRISE

}
