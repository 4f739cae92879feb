package io.towerline.api.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The allow-list of trusted documents: the SHA-256 (hex) of each document's exact text.
 * Read once from a manifest mapping each hash to its document; an entry whose hash does
 * not match its document is a broken manifest and stops start-up.
 */
final class TrustedDocuments {

	private final Set<String> hashes;

	private TrustedDocuments(Set<String> hashes) {
		this.hashes = Set.copyOf(hashes);
	}

	static TrustedDocuments load(Resource manifest) {
		Map<String, String> entries;
		try (InputStream in = manifest.getInputStream()) {
			entries = JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, String>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the trusted-documents manifest " + manifest, ex);
		}
		Set<String> hashes = new HashSet<>();
		entries.forEach((hash, document) -> {
			String actual = sha256(document);
			if (!actual.equalsIgnoreCase(hash.strip())) {
				throw new IllegalStateException("Trusted-documents manifest " + manifest + ": entry " + hash
						+ " does not match its document (sha256 " + actual + ")");
			}
			hashes.add(actual);
		});
		return new TrustedDocuments(hashes);
	}

	boolean contains(String document) {
		return this.hashes.contains(sha256(document));
	}

	int size() {
		return this.hashes.size();
	}

	static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
