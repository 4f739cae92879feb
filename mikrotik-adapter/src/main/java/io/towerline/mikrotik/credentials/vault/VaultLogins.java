package io.towerline.mikrotik.credentials.vault;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.RoleId;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.SecretId;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.KubernetesAuthentication;
import org.springframework.vault.authentication.KubernetesAuthenticationOptions;
import org.springframework.vault.authentication.KubernetesServiceAccountTokenFile;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestOperations;

/**
 * Maps {@link VaultLogin} onto Spring Vault's authentication, and Spring Vault's failures
 * onto plain text.
 */
final class VaultLogins {

	private VaultLogins() {
	}

	static ClientAuthentication authentication(VaultLogin login, RestOperations rest) {
		return switch (login) {
			case VaultLogin.Token token -> new TokenAuthentication(token.token());
			case VaultLogin.AppRole appRole -> new AppRoleAuthentication(AppRoleAuthenticationOptions.builder()
				.path(appRole.path())
				.roleId(RoleId.provided(appRole.roleId()))
				.secretId(SecretId.provided(appRole.secretId()))
				.build(), rest);
			case VaultLogin.Kubernetes kubernetes ->
				new KubernetesAuthentication(KubernetesAuthenticationOptions.builder()
					.path(kubernetes.path())
					.role(kubernetes.role())
					.jwtSupplier(new KubernetesServiceAccountTokenFile(kubernetes.jwtFile().toFile()))
					.build(), rest);
		};
	}

	/** Vault answers 403 for a revoked or expired token (and for a missing policy). */
	static boolean isForbidden(VaultException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		if (cause instanceof HttpStatusCodeException status) {
			return status.getStatusCode().value() == 403;
		}
		String message = String.valueOf(ex.getMessage());
		return message.contains("403") || message.contains("permission denied");
	}

	/** The failure without request bodies, which could hold a secret. */
	static String describe(VaultException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		if (cause instanceof HttpStatusCodeException status) {
			return "HTTP " + status.getStatusCode().value();
		}
		String message = String.valueOf(ex.getMessage());
		return message.contains("403") ? "HTTP 403 (permission denied)" : message;
	}

}
