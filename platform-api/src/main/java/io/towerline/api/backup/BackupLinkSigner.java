package io.towerline.api.backup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Component;

/**
 * Signs and checks the download links handed to routers: HMAC-SHA-256 over tenant, backup
 * and expiry, so a link opens exactly one backup of one tenant until it expires.
 */
@Component
class BackupLinkSigner {

	private final byte[] key;

	private final Clock clock;

	BackupLinkSigner(BackupLinkProperties properties, Clock clock) {
		this.clock = clock;
		if (properties.routerLinkKey() != null && !properties.routerLinkKey().isBlank()) {
			this.key = Base64.getDecoder().decode(properties.routerLinkKey().strip());
		}
		else {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
		}
	}

	String sign(TenantId tenant, UUID backupId, Instant expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] signature = mac.doFinal(
					(tenant.slug() + "/" + backupId + "/" + expires.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a backup link", ex);
		}
	}

	/** Whether the signature is right and the link has not expired. */
	boolean valid(TenantId tenant, UUID backupId, long expiresEpochSecond, String signature) {
		Instant expires = Instant.ofEpochSecond(expiresEpochSecond);
		if (!expires.isAfter(this.clock.instant())) {
			return false;
		}
		byte[] expected = sign(tenant, backupId, expires).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

}
