package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What switching to the tenant's role adds to one tenant-bound connection checkout: the
 * schema binding Hibernate always does, plus {@code SET ROLE} and {@code RESET ROLE},
 * each followed by the request's one query. Run with
 * {@code ./mvnw -Pbenchmark -pl tenant-core
 * -am verify -Dtest=TenantRoleSwitchBenchmark}.
 */
@SpringBootTest
class TenantRoleSwitchBenchmark extends DatabaseTest {

	private static final int ROUNDS = 5_000;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	DataSource dataSource;

	@Test
	void measure() throws Exception {
		String slug = TestDatabase.uniqueSlug("bench");
		this.onboarding.onboard(slug, "Bench", RateLimitTier.STANDARD);
		String schema = TenantId.of(slug).schemaName();
		try (Connection physical = ((TenantRoleDataSource) this.dataSource).getTargetDataSource().getConnection()) {
			SingleConnectionDataSource single = new SingleConnectionDataSource(physical, true);
			for (int warm = 0; warm < 2; warm++) {
				double plain = perCheckout(single, schema);
				double roles = perCheckout(new TenantRoleDataSource(single), schema);
				System.out.printf("schema binding only: %.1f us/checkout; with SET ROLE/RESET ROLE: %.1f us/checkout"
						+ " (+%.1f us)%n", plain, roles, roles - plain);
			}
		}
	}

	private static double perCheckout(DataSource source, String schema) throws Exception {
		long started = System.nanoTime();
		for (int i = 0; i < ROUNDS; i++) {
			try (Connection connection = source.getConnection()) {
				connection.setSchema(schema);
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT count(*) FROM pop")) {
					rs.next();
				}
				connection.setSchema("public");
			}
		}
		return (System.nanoTime() - started) / 1_000.0 / ROUNDS;
	}

}
