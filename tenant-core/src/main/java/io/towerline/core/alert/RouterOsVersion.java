package io.towerline.core.alert;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A RouterOS version as numbers ({@code 7.16.2 (stable)} is 7, 16, 2), compared number by
 * number; a missing part counts as 0.
 */
record RouterOsVersion(List<Integer> parts) implements Comparable<RouterOsVersion> {

	/** The version, or {@code null} when the text does not start with digits and dots. */
	static @Nullable RouterOsVersion parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String numbers = text.strip().split("[^0-9.]", 2)[0];
		if (numbers.isEmpty() || numbers.startsWith(".")) {
			return null;
		}
		List<Integer> parts = new ArrayList<>();
		for (String part : numbers.split("\\.")) {
			if (part.isEmpty() || part.length() > 6) {
				return null;
			}
			parts.add(Integer.valueOf(part));
		}
		return new RouterOsVersion(List.copyOf(parts));
	}

	@Override
	public int compareTo(RouterOsVersion other) {
		for (int i = 0; i < Math.max(this.parts.size(), other.parts.size()); i++) {
			int mine = (i < this.parts.size()) ? this.parts.get(i) : 0;
			int theirs = (i < other.parts.size()) ? other.parts.get(i) : 0;
			if (mine != theirs) {
				return Integer.compare(mine, theirs);
			}
		}
		return 0;
	}

	@Override
	public String toString() {
		return String.join(".", this.parts.stream().map(String::valueOf).toList());
	}

}
