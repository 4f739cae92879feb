package io.towerline.core.alert;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One router as the sweep reads it. */
record RouterFactsRow(UUID id, String name, String status, @Nullable Integer cpuLoad, @Nullable Long freeMemory,
		@Nullable Long totalMemory, @Nullable String version, boolean fresh) {

	static RouterFactsRow of(Object[] row) {
		return new RouterFactsRow((UUID) row[0], (String) row[1], (String) row[2], number(row[3]), longNumber(row[4]),
				longNumber(row[5]), (String) row[6], Boolean.TRUE.equals(row[7]));
	}

	private static @Nullable Integer number(@Nullable Object value) {
		return (value != null) ? ((Number) value).intValue() : null;
	}

	private static @Nullable Long longNumber(@Nullable Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

}
