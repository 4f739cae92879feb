package io.towerline.mikrotik.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code /ppp/profile}: the two built-in profiles cannot be removed; names are unique.
 */
final class PppProfileRules implements MenuRules {

	private static final Set<String> WRITABLE = Set.of("name", "local-address", "remote-address", "rate-limit",
			"session-timeout", "idle-timeout", "only-one", "dns-server", "address-list", "on-up", "on-down",
			"change-tcp-mss", "use-compression", "use-encryption", "use-mpls", "use-upnp", "parent-queue", "comment");

	@Override
	public Set<String> writable() {
		return WRITABLE;
	}

	@Override
	public Map<String, String> create(Map<String, String> requested) {
		Map<String, String> item = new LinkedHashMap<>();
		item.put("name", requested.getOrDefault("name", ""));
		MenuRules.putIfPresent(item, requested, "local-address");
		MenuRules.putIfPresent(item, requested, "remote-address");
		MenuRules.putIfPresent(item, requested, "rate-limit");
		MenuRules.putIfPresent(item, requested, "session-timeout");
		MenuRules.putIfPresent(item, requested, "idle-timeout");
		item.put("use-mpls", requested.getOrDefault("use-mpls", "default"));
		item.put("use-compression", requested.getOrDefault("use-compression", "default"));
		item.put("use-encryption", requested.getOrDefault("use-encryption", "default"));
		item.put("only-one", requested.getOrDefault("only-one", "default"));
		item.put("change-tcp-mss", requested.getOrDefault("change-tcp-mss", "default"));
		item.put("use-upnp", requested.getOrDefault("use-upnp", "default"));
		item.put("address-list", requested.getOrDefault("address-list", ""));
		MenuRules.putIfPresent(item, requested, "dns-server");
		MenuRules.putIfPresent(item, requested, "parent-queue");
		item.put("on-up", requested.getOrDefault("on-up", ""));
		item.put("on-down", requested.getOrDefault("on-down", ""));
		item.put("default", "false");
		MenuRules.putIfPresent(item, requested, "comment");
		return item;
	}

	@Override
	public @Nullable String check(Map<String, String> item, ItemTable table) {
		return MenuRules.nameError(item, table, "profile");
	}

	@Override
	public @Nullable String checkRemove(Map<String, String> item) {
		return "true".equals(item.get("default")) ? "failure: can not remove default profile" : null;
	}

}
