package io.towerline.api.migration;

import io.towerline.core.wording.Counted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The migration Job's end: once start-up has migrated the platform schema (Liquibase,
 * before any bean uses the database) and every tenant schema (the start-up runner, before
 * the application is ready), it closes the application and exits: 0 when every tenant is
 * migrated, 1 when any tenant's migration failed (the Job then fails and is retried).
 * First among the ready listeners, so the scheduler never starts claiming work here.
 */
@Component
@ConditionalOnProperty(name = MigrationMode.PROPERTY, havingValue = "migrate-and-exit")
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrateAndExit implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(MigrateAndExit.class);

	private final JdbcClient jdbc;

	private final boolean exitJvm;

	MigrateAndExit(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.exitJvm = environment.getProperty("towerline.migrations.exit-jvm", Boolean.class, true);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		long failed = this.jdbc.sql("SELECT count(*) FROM public.tenant WHERE status = 'FAILED'")
			.query(Long.class)
			.single();
		int code = (failed == 0) ? 0 : 1;
		if (failed == 0) {
			log.info("Migrations done; exiting (towerline.migrations.mode=migrate-and-exit)");
		}
		else {
			log.error("{} failed to migrate (status FAILED, reason in the tenant catalog); exiting 1",
					Counted.of(failed, "tenant schema"));
		}
		int exitCode = SpringApplication.exit(event.getApplicationContext(), () -> code);
		if (this.exitJvm) {
			System.exit(exitCode);
		}
	}

}
