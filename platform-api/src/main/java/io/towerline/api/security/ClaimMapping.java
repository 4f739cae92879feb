package io.towerline.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.towerline.core.tenancy.TenantId;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * How one issuer's claims become a Towerline caller: which claim is the tenant, which
 * carries roles. Also validates that the tenant claim is present and well-formed, so a
 * token without it is rejected as invalid (401).
 */
final class ClaimMapping implements Converter<Jwt, TowerlineAuthentication>, OAuth2TokenValidator<Jwt> {

	private final String tenantClaim;

	private final String rolesClaim;

	private final String platformTenant;

	ClaimMapping(String tenantClaim, String rolesClaim, String platformTenant) {
		this.tenantClaim = tenantClaim;
		this.rolesClaim = rolesClaim;
		this.platformTenant = platformTenant;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Object tenant = jwt.getClaims().get(this.tenantClaim);
		if (tenant instanceof String slug && (slug.equals(this.platformTenant) || TenantId.isValid(slug))) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
				"The token has no valid '" + this.tenantClaim + "' claim", null));
	}

	@Override
	public TowerlineAuthentication convert(Jwt jwt) {
		String tenant = jwt.getClaimAsString(this.tenantClaim);
		Set<Role> roles = roles(jwt, this.platformTenant.equals(tenant));
		Collection<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return new TowerlineAuthentication(jwt, authorities, tenant, roles);
	}

	private Set<Role> roles(Jwt jwt, boolean platformRealm) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Object claim = jwt.getClaims().get(this.rolesClaim);
		List<?> values = (claim instanceof Collection<?> collection) ? List.copyOf(collection)
				: (claim instanceof String single) ? List.of(single.split("[ ,]+")) : List.of();
		for (Object value : values) {
			Role.parse(String.valueOf(value)).ifPresent(roles::add);
		}
		// platform administration is only for the operator's realm; inside a tenant realm
		// the claim is ignored,
		// and the operator's realm carries no tenant roles
		if (platformRealm) {
			roles.retainAll(Set.of(Role.PLATFORM_ADMIN));
		}
		else {
			roles.remove(Role.PLATFORM_ADMIN);
		}
		return roles;
	}

}
