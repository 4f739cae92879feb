package io.towerline.api.identity;

/**
 * Claims the embedded authorization server adds to its tokens, beyond the registered
 * ones.
 */
final class TokenClaimNames {

	/** The tenant slug, or the platform realm's name for platform admins. */
	static final String TENANT = "tenant";

	/** Role names. */
	static final String ROLES = "roles";

	/** {@code user} or {@code client}: which table the subject is checked against. */
	static final String KIND = "kind";

	/**
	 * The principal's access epoch when the token was minted (microseconds); the token
	 * counts only while it is still the principal's epoch.
	 */
	static final String ACCESS_EPOCH = "access_epoch";

	/** The API client's id, on client tokens (what request counts are kept by). */
	static final String CLIENT_ID = "client_id";

	/**
	 * The audience of every access token of the embedded server; the API refuses its
	 * tokens without it (an ID token, for example).
	 */
	static final String API_AUDIENCE = "towerline-api";

	/** Client settings holding an API client's tenant and roles. */
	static final String CLIENT_TENANT_SETTING = "towerline.tenant";

	static final String CLIENT_ROLES_SETTING = "towerline.roles";

	private TokenClaimNames() {
	}

}
