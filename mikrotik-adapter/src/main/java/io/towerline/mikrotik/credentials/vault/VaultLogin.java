package io.towerline.mikrotik.credentials.vault;

import java.nio.file.Path;

/**
 * How the platform logs in to Vault. {@code toString()} never shows a token or secret id.
 */
public sealed interface VaultLogin {

	/** A fixed token (development, or injected by an agent). */
	record Token(String token) implements VaultLogin {

		@Override
		public String toString() {
			return "Token[***]";
		}

	}

	/**
	 * AppRole with a role id and a secret id; {@code path} is the auth mount, usually
	 * {@code approle}.
	 */
	record AppRole(String roleId, String secretId, String path) implements VaultLogin {

		public AppRole(String roleId, String secretId) {
			this(roleId, secretId, "approle");
		}

		@Override
		public String toString() {
			return "AppRole[roleId=" + this.roleId + ", secretId=***, path=" + this.path + "]";
		}

	}

	/**
	 * Kubernetes service-account login; {@code jwtFile} is usually
	 * {@code /var/run/secrets/kubernetes.io/serviceaccount/token}, {@code path} usually
	 * {@code kubernetes}.
	 */
	record Kubernetes(String role, Path jwtFile, String path) implements VaultLogin {

		public Kubernetes(String role) {
			this(role, Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"), "kubernetes");
		}

	}

}
