package io.towerline.api.embedded;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 (zonky's packaged server binaries) when
 * {@code spring.datasource.url} is not set, and points the application's connection pool
 * at it. The data directory survives restarts (and crashes); the next start reuses it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	/**
	 * Closed after every bean that uses the database: the data source depends on it, and
	 * the scheduler, JPA and everything else depend on the data source.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) {
		return EmbeddedPostgresLauncher.start(properties);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(PasswordAuthentication.url(postgres));
		dataSource.setUsername(PasswordAuthentication.SUPERUSER);
		dataSource.setPassword(DatabasePassword.of(properties.dataDir()));
		dataSource.setPoolName("towerline-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
