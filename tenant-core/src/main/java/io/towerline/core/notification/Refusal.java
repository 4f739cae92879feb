package io.towerline.core.notification;

import org.jspecify.annotations.Nullable;

/**
 * A receiver's refusal of one message: passing (retried with backoff) or permanent (the
 * message becomes UNDELIVERABLE at once with its code).
 *
 * @param message the receiver's answer, or what went wrong
 * @param code the code of a permanent refusal, null for a passing one
 */
public record Refusal(String message, @Nullable DeliveryErrorCode code) {

	/** A refusal worth another attempt (no answer, a server error, too many requests). */
	public static Refusal passing(String message) {
		return new Refusal(message, null);
	}

	/**
	 * A refusal no retry can change (bad credentials, a request the receiver rejects).
	 */
	public static Refusal permanent(DeliveryErrorCode code, String message) {
		return new Refusal(message, code);
	}

	public boolean isPermanent() {
		return this.code != null;
	}

}
