package io.towerline.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The embedded mode's RSA signing key, generated on first run and kept beside the data
 * (owner-only file) so that tokens stay valid across restarts. Never used in production
 * mode.
 */
final class LocalSigningKey {

	private LocalSigningKey() {
	}

	static RSAKey loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
			}
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.keyID("local-" + UUID.randomUUID())
				.generate();
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp");
			restrictToOwner(temporary);
			Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the local signing key " + file, ex);
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("The local signing key " + file + " is unreadable; delete it to regenerate",
					ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the directory's own protection applies
		}
	}

}
