package io.towerline.core.sweep;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantRoles;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant whose every sweep round fails — here a real one: a catalog row without its
 * schema or role, as the migration benchmark leaves them, so binding a JPA transaction to
 * it fails at {@code SET ROLE} — is warned about once per failure streak, in one line
 * with the code and message of the cause, and with no stack trace from any logger; the
 * stack trace is kept at debug. A round that works ends the streak, and the next failure
 * is warned about again.
 */
@SpringBootTest
class TenantSweepFailureLogTests extends DatabaseTest {

	private static final String SWEEP = "Failure log probe";

	@Autowired
	TenantSweeps sweeps;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EntityManager entityManager;

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final Logger sweepLog = (Logger) LoggerFactory.getLogger(TenantSweeps.class);

	private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

	private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			TenantSweepFailureLogTests.this.events.add(event);
		}
	};

	private TenantId broken;

	private Level sweepLevel;

	@BeforeEach
	void tenantWithoutSchema() {
		this.broken = TenantId.of(TestDatabase.uniqueSlug("swl"));
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO public.tenant (slug, display_name, status, rate_limit_tier, created_at, updated_at, "
					+ "version) VALUES (?, 'No schema', 'ACTIVE', 'STARTER', ?, ?, 0)")
			.params(this.broken.slug(), now, now)
			.update();
		this.sweepLevel = this.sweepLog.getLevel();
		this.sweepLog.setLevel(Level.DEBUG);
		this.capture.start();
		this.root.addAppender(this.capture);
	}

	@AfterEach
	void removeTenant() {
		this.root.detachAppender(this.capture);
		this.capture.stop();
		this.sweepLog.setLevel(this.sweepLevel);
		// the JVM's own sweeps must not meet it after this test
		this.jdbc.sql("DELETE FROM public.tenant WHERE slug = ?").param(this.broken.slug()).update();
	}

	@Test
	void shouldWarnOncePerFailureStreakInOneLineAndKeepTheStackTraceAtDebug() {
		AtomicBoolean failing = new AtomicBoolean(true);
		for (int round = 0; round < 3; round++) {
			sweep(failing);
		}
		List<String> warnings = lines(Level.WARN);
		assertThat(warnings).as("one warning for three failed rounds").hasSize(1);
		assertThat(warnings.get(0)).startsWith(SWEEP + " of tenant " + this.broken + " failed (SQLState 22023: ")
			.contains("role \"" + TenantRoles.roleOf(this.broken) + "\" does not exist");
		assertThat(ownThread().filter((event) -> event.getLevel().isGreaterOrEqual(Level.INFO))
			.filter((event) -> event.getThrowableProxy() != null)
			.map((event) -> event.getLoggerName() + ": " + event.getFormattedMessage())
			.toList()).as("no stack trace above debug, from any logger").isEmpty();
		assertThat(this.events.stream()
			.filter((event) -> event.getLevel() == Level.DEBUG
					&& event.getLoggerName().equals(TenantSweeps.class.getName()))
			.filter((event) -> event.getFormattedMessage().contains(" of tenant " + this.broken + " failed"))
			.filter((event) -> event.getThrowableProxy() != null)).as("the stack trace of each round, at debug")
			.hasSize(3);

		failing.set(false);
		sweep(failing);
		assertThat(lines(Level.INFO)).containsExactly(SWEEP + " of tenant " + this.broken + " works again");

		failing.set(true);
		sweep(failing);
		assertThat(lines(Level.WARN)).as("a new streak is warned about again").hasSize(2);
	}

	@Test
	void shouldForgetTheStreaksOfPartsThatStoppedReportingAndOfTenantsGone() {
		String router = "Health check of a router deleted meanwhile";
		Instant now = Instant.now();
		this.sweeps.failed(router, this.broken, new IllegalStateException("unreachable"));
		this.sweeps.forgetStreaks(Set.of(this.broken), now.plus(Duration.ofHours(1)));
		assertThat(this.sweeps.remembers(router, this.broken)).as("still failing within the horizon").isTrue();
		this.sweeps.forgetStreaks(Set.of(this.broken), now.plus(TenantSweeps.FORGET_AFTER).plusSeconds(60));
		assertThat(this.sweeps.remembers(router, this.broken)).as("silent past the horizon").isFalse();

		TenantId deleted = TenantId.of(TestDatabase.uniqueSlug("gone"));
		this.sweeps.failed(router, deleted, new IllegalStateException("unreachable"));
		assertThat(this.sweeps.remembers(router, deleted)).isTrue();
		sweep(new AtomicBoolean(false));
		assertThat(this.sweeps.remembers(router, deleted)).as("a tenant no longer in the catalog").isFalse();
	}

	private void sweep(AtomicBoolean failing) {
		this.sweeps.forEachTenant(SWEEP, (tenant) -> {
			if (tenant.equals(this.broken) && failing.get()) {
				this.transactions.execute((tx) -> this.entityManager.createNativeQuery("SELECT 1").getSingleResult());
			}
		});
	}

	private Stream<ILoggingEvent> ownThread() {
		String thread = Thread.currentThread().getName();
		return this.events.stream().filter((event) -> event.getThreadName().equals(thread));
	}

	private List<String> lines(Level level) {
		return this.events.stream()
			.filter((event) -> event.getLevel() == level && event.getLoggerName().equals(TenantSweeps.class.getName()))
			.map(ILoggingEvent::getFormattedMessage)
			.filter((line) -> line.startsWith(SWEEP + " of tenant " + this.broken + " "))
			.toList();
	}

}
