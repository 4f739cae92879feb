package io.towerline.core.notification;

/**
 * Why a message was not delivered, as a stable code beside the receiver's own words.
 */
public enum DeliveryErrorCode {

	/** The recipient has no address for the channel. */
	NO_ADDRESS,

	/** The tenant has no gateway for the channel. */
	NO_GATEWAY,

	/** The gateway refused the credentials (HTTP 401 or 403): retrying cannot help. */
	AUTHENTICATION_REFUSED,

	/**
	 * The gateway refused the request itself (another 4xx answer): retrying cannot help.
	 */
	REQUEST_REFUSED,

	/** Every attempt was refused for a passing reason, and the attempts ran out. */
	RETRIES_EXHAUSTED,

	/**
	 * The URL's host names an address the platform does not send requests to (link-local,
	 * loopback or private): retrying cannot help.
	 */
	DESTINATION_REFUSED

}
