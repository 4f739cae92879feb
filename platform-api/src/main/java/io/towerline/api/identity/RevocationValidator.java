package io.towerline.api.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import io.towerline.core.identity.PrincipalKind;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an unexpired token of the embedded issuer whose user was disabled (or changed)
 * or whose API client was revoked (or given a new secret) after the token was issued. A
 * token of this issuer without a known kind is refused too.
 */
final class RevocationValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token's user or client no longer has access", null);

	private final AccessStatusCache statuses;

	RevocationValidator(AccessStatusCache statuses) {
		this.statuses = statuses;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		PrincipalKind kind = kind(jwt.getClaimAsString(TokenClaimNames.KIND));
		Instant issuedAt = jwt.getIssuedAt();
		if (kind == null || issuedAt == null || jwt.getSubject() == null) {
			return OAuth2TokenValidatorResult.failure(REVOKED);
		}
		Optional<AccessStatusCache.Access> access = this.statuses.of(kind, jwt.getSubject());
		// iat has whole seconds: a token from the second of the change still counts
		boolean valid = access.isPresent() && access.get().active()
				&& !issuedAt.isBefore(access.get().tokensValidAfter().truncatedTo(ChronoUnit.SECONDS));
		return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
	}

	private static PrincipalKind kind(String claim) {
		if (claim == null) {
			return null;
		}
		try {
			return PrincipalKind.valueOf(claim.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
