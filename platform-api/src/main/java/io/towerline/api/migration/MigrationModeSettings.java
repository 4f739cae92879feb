package io.towerline.api.migration;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code towerline.migrations.mode} into the two switches that run migrations: the
 * platform schema's Liquibase ({@code spring.liquibase.enabled}) and the tenant schemas'
 * start-up migration ({@code towerline.tenancy.migrate-on-startup}). One setting, so a
 * replica can never migrate the platform schema but not the tenants (or the reverse).
 */
public class MigrationModeSettings implements EnvironmentPostProcessor {

	static final String SOURCE = "towerlineMigrationMode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MigrationMode mode = MigrationMode.of(environment.getProperty(MigrationMode.PROPERTY));
		if (mode == MigrationMode.ON_START) {
			return;
		}
		boolean migrate = mode == MigrationMode.MIGRATE_AND_EXIT;
		environment.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE, Map.of("spring.liquibase.enabled", Boolean.toString(migrate),
					"towerline.tenancy.migrate-on-startup", Boolean.toString(migrate))));
	}

}
