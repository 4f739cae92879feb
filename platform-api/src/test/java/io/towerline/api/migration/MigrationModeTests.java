package io.towerline.api.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import io.towerline.TowerlineApplication;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One setting decides whether a start migrates the platform and tenant schemas, never
 * does, or does only that and exits (the Helm chart's migration Job).
 */
class MigrationModeTests {

	@Test
	void shouldLeaveBothMigrationsOnByDefault() {
		MockEnvironment environment = new MockEnvironment();

		new MigrationModeSettings().postProcessEnvironment(environment, null);

		assertThat(environment.getPropertySources().contains(MigrationModeSettings.SOURCE)).isFalse();
	}

	@Test
	void shouldTurnBothMigrationsOffWhenSkipped() {
		MockEnvironment environment = new MockEnvironment().withProperty("towerline.migrations.mode", "skip")
			.withProperty("spring.liquibase.enabled", "true")
			.withProperty("towerline.tenancy.migrate-on-startup", "true");

		new MigrationModeSettings().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("spring.liquibase.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("towerline.tenancy.migrate-on-startup")).isEqualTo("false");
	}

	@Test
	void shouldTurnBothMigrationsOnToMigrateAndExit() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("towerline.migrations.mode", "migrate-and-exit")
			.withProperty("towerline.tenancy.migrate-on-startup", "false");

		new MigrationModeSettings().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("spring.liquibase.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("towerline.tenancy.migrate-on-startup")).isEqualTo("true");
	}

	@Test
	void shouldRefuseAnUnknownMode() {
		MockEnvironment environment = new MockEnvironment().withProperty("towerline.migrations.mode", "later");

		assertThatIllegalStateException()
			.isThrownBy(() -> new MigrationModeSettings().postProcessEnvironment(environment, null))
			.withMessageContaining("towerline.migrations.mode");
	}

	/**
	 * The real start-up path on an empty database: the platform schema is created, and
	 * the application closes itself once migrated instead of serving.
	 */
	@Test
	void shouldMigrateAnEmptyDatabaseAndClose(@TempDir Path dataDir) throws Exception {
		TestDatabase.Server server = TestDatabase.server();
		String database = "migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(server, server.url(), "CREATE DATABASE " + database);
		String url = server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");

		ConfigurableApplicationContext context = new SpringApplicationBuilder(TowerlineApplication.class)
			.properties("towerline.migrations.mode=migrate-and-exit", "towerline.migrations.exit-jvm=false",
					"spring.datasource.url=" + url, "spring.datasource.username=" + server.username(),
					"spring.datasource.password=" + server.password(), "towerline.embedded.data-dir=" + dataDir,
					"server.port=0")
			.run();

		assertThat(context.isActive()).as("closed after migrating").isFalse();
		assertThat(count(server, url, "SELECT count(*) FROM public.databasechangelog")).isPositive();
		assertThat(count(server, url, "SELECT count(*) FROM public.tenant")).isZero();
	}

	private static void execute(TestDatabase.Server server, String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(TestDatabase.Server server, String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
