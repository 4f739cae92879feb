package io.towerline.mikrotik.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code /ip/pool}: names are unique and every range is an address, a prefix or
 * {@code from-to}, as RouterOS checks them.
 */
final class IpPoolRules implements MenuRules {

	private static final String ADDRESS = "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})";

	private static final Pattern RANGE = Pattern.compile("^" + ADDRESS + "(?:/(\\d{1,2})|-" + ADDRESS + ")?$");

	@Override
	public Set<String> writable() {
		return Set.of("name", "ranges", "next-pool", "comment");
	}

	@Override
	public Map<String, String> create(Map<String, String> requested) {
		Map<String, String> item = new LinkedHashMap<>();
		item.put("name", requested.getOrDefault("name", ""));
		item.put("ranges", requested.getOrDefault("ranges", ""));
		item.put("next-pool", requested.getOrDefault("next-pool", "none"));
		MenuRules.putIfPresent(item, requested, "comment");
		return item;
	}

	@Override
	public @Nullable String check(Map<String, String> item, ItemTable table) {
		String ranges = item.getOrDefault("ranges", "");
		if (ranges.isEmpty()) {
			return "1:value of ranges must not be empty";
		}
		for (String range : ranges.split(",")) {
			if (!valid(range.strip())) {
				return "invalid value for argument ranges";
			}
		}
		return MenuRules.nameError(item, table, "pool");
	}

	private static boolean valid(String range) {
		var matcher = RANGE.matcher(range);
		if (!matcher.matches()) {
			return false;
		}
		for (int group = 1; group <= matcher.groupCount(); group++) {
			String part = matcher.group(group);
			if (part != null && Integer.parseInt(part) > ((group == 5) ? 32 : 255)) {
				return false;
			}
		}
		return true;
	}

}
