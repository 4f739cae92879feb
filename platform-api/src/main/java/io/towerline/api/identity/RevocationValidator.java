package io.towerline.api.identity;

import java.util.Locale;
import java.util.Optional;

import io.towerline.core.identity.AccessEpoch;
import io.towerline.core.identity.PrincipalKind;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an unexpired token of the embedded issuer whose user was disabled (or changed)
 * or whose API client was revoked (or given a new secret) after the token was minted: the
 * token's {@code access_epoch} must still be the principal's {@link AccessEpoch}. Epochs
 * are exact, so a token minted in the same second as a change, even the same millisecond,
 * does not survive it. A token of this issuer without a known kind or an epoch is refused
 * too.
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
		Long epoch = epoch(jwt.getClaim(TokenClaimNames.ACCESS_EPOCH));
		if (kind == null || epoch == null || jwt.getSubject() == null) {
			return OAuth2TokenValidatorResult.failure(REVOKED);
		}
		Optional<AccessStatusCache.Access> access = this.statuses.of(kind, jwt.getSubject());
		if (access.isPresent() && epoch > AccessEpoch.claimValue(access.get().tokensValidAfter())) {
			// minted after a change this replica has not seen yet: read it now
			access = this.statuses.reload(kind, jwt.getSubject());
		}
		boolean valid = access.isPresent() && access.get().active()
				&& epoch == AccessEpoch.claimValue(access.get().tokensValidAfter());
		return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
	}

	private static @Nullable Long epoch(@Nullable Object claim) {
		return (claim instanceof Number number) ? number.longValue() : null;
	}

	private static @Nullable PrincipalKind kind(@Nullable String claim) {
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
