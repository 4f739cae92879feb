package io.towerline.api.security;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Who Towerline trusts.
 *
 * @param platformTenant the tenant-claim value of the platform operator's realm (no
 * tenant data of its own)
 * @param issuers external token issuers trusted in every mode
 * @param localIssuer the embedded-mode issuer whose key lives beside the data; refused in
 * production mode
 * @param tenantCacheTtl how long a tenant's status is cached; a suspension takes effect
 * within this time
 */
@ConfigurationProperties("towerline.security")
public record SecurityProperties(String platformTenant, List<TrustedIssuer> issuers, LocalIssuer localIssuer,
		Duration tenantCacheTtl) {

	public SecurityProperties {
		if (platformTenant == null || platformTenant.isBlank()) {
			platformTenant = "platform";
		}
		issuers = (issuers != null) ? List.copyOf(issuers) : List.of();
		if (localIssuer == null) {
			localIssuer = new LocalIssuer(false, null, null);
		}
		if (tenantCacheTtl == null) {
			tenantCacheTtl = Duration.ofSeconds(5);
		}
	}

	/**
	 * An external issuer (Keycloak, Entra, Auth0, the identity service).
	 *
	 * @param issuerUri the {@code iss} value; also where keys are discovered when no key
	 * source is given
	 * @param jwkSetUri optional JWK set URL
	 * @param publicKeyLocation optional RSA public key (PEM) instead of a JWK set
	 * @param audience optional required {@code aud} value
	 * @param tenantClaim claim holding the tenant slug
	 * @param rolesClaim claim holding the role names
	 */
	public record TrustedIssuer(String issuerUri, @Nullable String jwkSetUri, @Nullable Resource publicKeyLocation,
			@Nullable String audience, String tenantClaim, String rolesClaim) {

		public TrustedIssuer {
			if (tenantClaim == null || tenantClaim.isBlank()) {
				tenantClaim = "tenant";
			}
			if (rolesClaim == null || rolesClaim.isBlank()) {
				rolesClaim = "roles";
			}
		}

	}

	/**
	 * The local issuer of the embedded mode.
	 *
	 * @param enabled whether tokens signed with the local key are trusted
	 * @param issuer the {@code iss} of local tokens
	 * @param tokenTtl lifetime of local tokens
	 */
	public record LocalIssuer(boolean enabled, @Nullable String issuer, @Nullable Duration tokenTtl) {

		public LocalIssuer {
			if (issuer == null || issuer.isBlank()) {
				issuer = "urn:towerline:local";
			}
			if (tokenTtl == null) {
				tokenTtl = Duration.ofHours(8);
			}
		}

	}

}
