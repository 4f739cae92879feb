package io.towerline.mikrotik.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code /ppp/secret}: field order and defaults as RouterOS prints them, and its
 * duplicate/profile checks.
 */
final class PppSecretRules implements MenuRules {

	private static final Set<String> SERVICES = Set.of("any", "async", "isdn", "l2tp", "pppoe", "pptp", "ovpn", "sstp");

	private final ItemTable profiles;

	private final String neverLoggedOut;

	PppSecretRules(ItemTable profiles, SimulatorVersion version) {
		this.profiles = profiles;
		this.neverLoggedOut = version.neverDate();
	}

	@Override
	public Set<String> writable() {
		return Set.of("name", "password", "service", "profile", "caller-id", "local-address", "remote-address",
				"remote-ipv6-prefix", "routes", "limit-bytes-in", "limit-bytes-out", "disabled", "comment");
	}

	@Override
	public Map<String, String> create(Map<String, String> requested) {
		Map<String, String> item = new LinkedHashMap<>();
		item.put("name", requested.getOrDefault("name", ""));
		item.put("service", requested.getOrDefault("service", "any"));
		item.put("caller-id", requested.getOrDefault("caller-id", ""));
		item.put("password", requested.getOrDefault("password", ""));
		item.put("profile", requested.getOrDefault("profile", "default"));
		MenuRules.putIfPresent(item, requested, "local-address");
		MenuRules.putIfPresent(item, requested, "remote-address");
		item.put("routes", requested.getOrDefault("routes", ""));
		item.put("limit-bytes-in", requested.getOrDefault("limit-bytes-in", "0"));
		item.put("limit-bytes-out", requested.getOrDefault("limit-bytes-out", "0"));
		item.put("last-logged-out", this.neverLoggedOut);
		item.put("last-caller-id", "");
		item.put("last-disconnect-reason", "");
		item.put("disabled", requested.getOrDefault("disabled", "false"));
		MenuRules.putIfPresent(item, requested, "comment");
		return item;
	}

	@Override
	public @Nullable String check(Map<String, String> item, ItemTable table) {
		String nameError = MenuRules.nameError(item, table, "secret");
		if (nameError != null) {
			return nameError;
		}
		if (this.profiles.resolve(item.getOrDefault("profile", "default")) == null) {
			return "1:input does not match any value of profile";
		}
		if (!SERVICES.contains(item.getOrDefault("service", "any"))) {
			return "1:input does not match any value of service";
		}
		return null;
	}

}
