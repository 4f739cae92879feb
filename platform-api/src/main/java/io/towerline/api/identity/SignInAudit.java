package io.towerline.api.identity;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Writes sign-ins at the login page to the security event log. Only the user name is kept
 * (the attempted one for a failure), never what was typed as the password.
 */
final class SignInAudit {

	private final SecurityEventLog audit;

	private final UserDirectory users;

	SignInAudit(SecurityEventLog audit, UserDirectory users) {
		this.audit = audit;
		this.users = users;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn) {
			String name = signIn.getName();
			this.audit.record(SecurityEventType.LOGIN_SUCCEEDED, tenantOf(name), Actor.of(name), name, null);
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
			String name = String.valueOf(attempt.getPrincipal());
			this.audit.record(SecurityEventType.LOGIN_FAILED, tenantOf(name), Actor.of(name), name,
					event.getException().getClass().getSimpleName());
		}
	}

	private @Nullable TenantId tenantOf(String username) {
		return this.users.findByUsername(username).flatMap(UserAccount::tenant).orElse(null);
	}

}
