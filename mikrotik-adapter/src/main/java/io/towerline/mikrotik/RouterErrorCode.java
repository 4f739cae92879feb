package io.towerline.mikrotik;

/**
 * Stable codes for every way a router operation can fail. They are part of the module's
 * contract: the platform stores them in the command audit log and maps them to GraphQL
 * {@code extensions.code}. Never rename one.
 */
public enum RouterErrorCode {

	/**
	 * The router could not be reached, the connection broke, or its circuit is open;
	 * retrying later may work.
	 */
	ROUTER_UNREACHABLE,

	/** The router refused the username or password. */
	ROUTER_AUTHENTICATION_FAILED,

	/** The router answered the command with {@code !trap}; the message says why. */
	ROUTER_COMMAND_REJECTED,

	/** No answer within the command timeout; the command was cancelled on the router. */
	ROUTER_TIMEOUT,

	/** The router sent something the API protocol does not allow. */
	ROUTER_PROTOCOL_ERROR,

	/**
	 * The router cannot hand the file over the way its version allows: RouterOS 6 gives
	 * files over 60 KB and binary backups only through its FTP service, which is disabled
	 * or refused the platform. Someone has to change the router first.
	 */
	ROUTER_FILE_TRANSFER_UNAVAILABLE

}
