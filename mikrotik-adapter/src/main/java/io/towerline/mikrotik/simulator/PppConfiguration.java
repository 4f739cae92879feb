package io.towerline.mikrotik.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The router's PPP configuration as a test reads and changes it behind the API's back,
 * the way someone at the router's console would: items decoded as text, raw bytes, a
 * removed secret, a reset, a {@code .backup} image.
 */
final class PppConfiguration {

	private final SimulatedRouter router;

	PppConfiguration(SimulatedRouter router) {
		this.router = router;
	}

	Optional<Map<String, String>> secret(String name) {
		return this.router.secrets().byName(RawText.fromText(name)).map(PppConfiguration::toText);
	}

	Optional<Map<String, String>> profile(String name) {
		return this.router.profiles().byName(RawText.fromText(name)).map(PppConfiguration::toText);
	}

	Optional<Map<String, String>> pool(String name) {
		return this.router.pools().byName(RawText.fromText(name)).map(PppConfiguration::toText);
	}

	int secretCount() {
		return this.router.secrets().size();
	}

	byte @Nullable [] rawSecretValue(String name, String property) {
		return this.router.secrets()
			.byName(RawText.fromText(name))
			.map((item) -> item.get(property))
			.map(RawText::bytes)
			.orElse(null);
	}

	void putRawSecretValue(String name, String property, byte[] value) {
		String id = this.router.secrets().resolve(RawText.fromText(name));
		if (id == null) {
			throw new IllegalArgumentException("no secret " + name);
		}
		this.router.secrets().update(id, Map.of(property, RawText.of(value, 0, value.length)), (item) -> null);
	}

	boolean removeSecret(String name) {
		String id = this.router.secrets().resolve(RawText.fromText(name));
		return id != null && this.router.secrets().remove(id) != null;
	}

	/** Empties the PPP menus (built-in profiles stay) and resets the identity. */
	void reset() {
		for (Map<String, String> secret : this.router.secrets().snapshot()) {
			this.router.secrets().remove(secret.get(".id"));
		}
		for (Map<String, String> profile : this.router.profiles().snapshot()) {
			if (!"true".equals(profile.get("default"))) {
				this.router.profiles().remove(profile.get(".id"));
			}
		}
		this.router.identity(RawText.fromText("MikroTik"));
	}

	byte[] backupImage(@Nullable String password) {
		return new BackupImage(this.router.identity(), withoutIds(this.router.profiles().snapshot()),
				withoutIds(this.router.secrets().snapshot()))
			.save((password != null) ? RawText.fromText(password) : null);
	}

	private static List<Map<String, String>> withoutIds(List<Map<String, String>> items) {
		items.forEach((item) -> item.remove(".id"));
		return items;
	}

	private static Map<String, String> toText(Map<String, String> raw) {
		Map<String, String> text = new LinkedHashMap<>();
		raw.forEach((name, value) -> text.put(RawText.toText(name), RawText.toText(value)));
		return text;
	}

}
