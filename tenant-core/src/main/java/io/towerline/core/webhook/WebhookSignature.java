package io.towerline.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook is signed. The receiver gets the headers
 * <ul>
 * <li>{@value #TIMESTAMP_HEADER}: the signing time, Unix seconds;</li>
 * <li>{@value #SIGNATURE_HEADER}: {@code v1=} and the lower-case hex HMAC-SHA256, keyed
 * with the endpoint's secret (its UTF-8 bytes), of the timestamp, a full stop and the raw
 * request body;</li>
 * <li>{@value #DELIVERY_HEADER}: the delivery id, the same on every retry of one delivery
 * (de-duplicate on it);</li>
 * <li>{@value #EVENT_HEADER}: the event type.</li>
 * </ul>
 * A receiver recomputes the HMAC over the bytes it received, compares in constant time,
 * and refuses timestamps older than a few minutes (replays).
 */
final class WebhookSignature {

	public static final String TIMESTAMP_HEADER = "Towerline-Timestamp";

	public static final String SIGNATURE_HEADER = "Towerline-Signature";

	public static final String DELIVERY_HEADER = "Towerline-Delivery";

	public static final String EVENT_HEADER = "Towerline-Event";

	private static final String VERSION = "v1=";

	private WebhookSignature() {
	}

	/** The {@value #SIGNATURE_HEADER} value for a body signed at {@code epochSecond}. */
	public static String sign(String secret, long epochSecond, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((epochSecond + "." + body).getBytes(StandardCharsets.UTF_8));
			return VERSION + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** Whether a received signature is valid and not older than {@code tolerance}. */
	public static boolean verify(String secret, String timestamp, String signature, String body, Instant now,
			Duration tolerance) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
