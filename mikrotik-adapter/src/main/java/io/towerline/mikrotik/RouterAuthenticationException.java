package io.towerline.mikrotik;

/**
 * The router rejected the login (wrong username or password, or the user lacks the
 * {@code api} policy).
 */
public final class RouterAuthenticationException extends RouterException {

	public RouterAuthenticationException(String router, String routerMessage) {
		super(router, "login refused: " + routerMessage, null);
	}

	@Override
	public RouterErrorCode code() {
		return RouterErrorCode.ROUTER_AUTHENTICATION_FAILED;
	}

}
