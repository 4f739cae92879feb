package io.towerline.api.migration;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The values of {@code towerline.migrations.mode}. */
public enum MigrationMode {

	/** Migrate the platform schema and every tenant schema, then serve (one replica). */
	ON_START,
	/** Migrate nothing: a migration Job has done it (several replicas). */
	SKIP,
	/** Migrate everything, then exit; non-zero when a tenant failed (the Job). */
	MIGRATE_AND_EXIT;

	static final String PROPERTY = "towerline.migrations.mode";

	static MigrationMode of(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return ON_START;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					PROPERTY + " must be on-start, skip or migrate-and-exit, not '" + value + "'");
		}
	}

}
