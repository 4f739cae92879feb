package io.towerline.api.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified caller: subject, the tenant realm it belongs to, and its roles. */
public class TowerlineAuthentication extends JwtAuthenticationToken {

	private final String tenant;

	private final Set<Role> roles;

	TowerlineAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String tenant,
			Set<Role> roles) {
		super(jwt, authorities, jwt.getSubject());
		this.tenant = tenant;
		this.roles = Set.copyOf(roles);
	}

	/**
	 * The tenant slug from the token, or the platform realm's name for platform admins.
	 */
	public String tenant() {
		return this.tenant;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	/**
	 * The caller of the current request.
	 * @throws IllegalStateException when the request was not authenticated with a token
	 */
	public static TowerlineAuthentication current() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof TowerlineAuthentication caller) {
			return caller;
		}
		throw new IllegalStateException("No token-authenticated caller");
	}

}
