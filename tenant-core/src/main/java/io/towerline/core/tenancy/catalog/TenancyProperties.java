package io.towerline.core.tenancy.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tenancy settings.
 *
 * @param changelog the Liquibase changelog applied to every tenant schema
 * @param migrateOnStartup whether every tenant schema is migrated when the application
 * starts
 * @param migrationParallelism how many tenant schemas are migrated at once at start-up
 */
@ConfigurationProperties("towerline.tenancy")
public record TenancyProperties(String changelog, boolean migrateOnStartup, int migrationParallelism) {

	public TenancyProperties {
		if (changelog == null || changelog.isBlank()) {
			changelog = "classpath:db/changelog/tenant/changelog.yaml";
		}
		if (migrationParallelism < 1) {
			migrationParallelism = 4;
		}
	}

}
