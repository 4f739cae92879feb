package io.towerline.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Whether an already verified caller may still act: its token has not expired, its user
 * or API client has not lost access since (the issuer's own checks, such as revocation,
 * run again), and its tenant is still active. HTTP requests get this at every request; a
 * graphql-ws socket is verified once at {@code connection_init}, so its subscriptions ask
 * here while they live.
 */
@Component
class LiveAccess {

	private final List<InProcessIssuer> issuers;

	private final TenantStatusCache tenants;

	private final String platformTenant;

	private final Clock clock;

	LiveAccess(ObjectProvider<InProcessIssuer> issuers, TenantStatusCache tenants, SecurityProperties properties,
			ObjectProvider<Clock> clock) {
		this.issuers = issuers.orderedStream().toList();
		this.tenants = tenants;
		this.platformTenant = properties.platformTenant();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Why the caller may no longer act, or empty while it may. */
	Optional<Ended> ended(TowerlineAuthentication caller) {
		Jwt jwt = caller.getToken();
		Instant expires = jwt.getExpiresAt();
		if (expires != null && !this.clock.instant().isBefore(expires)) {
			return Optional.of(new Ended("UNAUTHENTICATED", "The token has expired; reconnect with a new one"));
		}
		for (InProcessIssuer issuer : this.issuers) {
			if (issuer.issuer().equals(jwt.getClaimAsString("iss"))) {
				for (OAuth2TokenValidator<Jwt> validator : issuer.validators()) {
					if (validator.validate(jwt).hasErrors()) {
						return Optional.of(new Ended("UNAUTHENTICATED",
								"The token's user or client no longer has access; reconnect with a new token"));
					}
				}
			}
		}
		if (this.platformTenant.equals(caller.tenant())) {
			return Optional.empty();
		}
		Optional<TenantStatus> status = this.tenants.statusOf(TenantId.of(caller.tenant()));
		if (status.isEmpty()) {
			return Optional.of(new Ended(ErrorCode.TENANT_UNKNOWN.name(), "The tenant of this token is not known"));
		}
		return switch (status.get()) {
			case ACTIVE -> Optional.empty();
			case SUSPENDED -> Optional.of(new Ended(ErrorCode.TENANT_SUSPENDED.name(),
					"The tenant is suspended; contact the platform operator"));
			default ->
				Optional.of(new Ended(ErrorCode.TENANT_UNAVAILABLE.name(), "The tenant is not available right now"));
		};
	}

	/**
	 * Why access ended.
	 *
	 * @param code the {@code extensions.code}, the same as HTTP answers with
	 * @param message what the client should do
	 */
	record Ended(String code, String message) {

	}

}
