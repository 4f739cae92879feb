package io.towerline.api.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 (zonky's packaged server binaries) when
 * {@code spring.datasource.url} is not set, and points the application's connection pool
 * at it. The data directory survives restarts; the second start reuses it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) {
		Path dataDir = properties.dataDir().resolve("pgdata").toAbsolutePath();
		try {
			Files.createDirectories(dataDir);
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "200");
			if (properties.databasePort() > 0) {
				builder.setPort(properties.databasePort());
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
					(System.nanoTime() - started) / 1_000_000, postgres.getPort(), dataDir);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setPoolName("towerline-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
