package io.towerline.core.backup;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether a host, as written, names the machine itself: {@code localhost}, 127.0.0.0/8 or
 * {@code ::1}. Written forms only; no name is resolved (a restore request must not wait
 * for DNS, and a name that resolves to loopback here may not on the router).
 */
final class LoopbackAddresses {

	private LoopbackAddresses() {
	}

	static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.") || name.equals("::1")
				|| name.equals("0:0:0:0:0:0:0:1");
	}

}
