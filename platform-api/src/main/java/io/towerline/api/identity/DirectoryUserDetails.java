package io.towerline.api.identity;

import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantStatus;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Sign-in against the user directory. A disabled user cannot sign in, and neither can the
 * user of a tenant that is not active (reported as a locked account).
 */
final class DirectoryUserDetails implements UserDetailsService {

	private final UserDirectory users;

	private final TenantCatalog tenants;

	DirectoryUserDetails(UserDirectory users, TenantCatalog tenants) {
		this.users = users;
		this.tenants = tenants;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount user = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		boolean tenantActive = user.tenant()
			.map((tenant) -> this.tenants.find(tenant).map((t) -> t.status() == TenantStatus.ACTIVE).orElse(false))
			.orElse(true);
		return User.withUsername(user.username())
			.password(user.passwordHash())
			.disabled(!user.enabled())
			.accountLocked(!tenantActive)
			.roles(user.roles().toArray(String[]::new))
			.build();
	}

}
