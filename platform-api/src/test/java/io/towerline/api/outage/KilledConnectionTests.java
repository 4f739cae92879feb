package io.towerline.api.outage;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database connection of a mutation is killed in the middle of its transaction
 * ({@code pg_terminate_backend}, as a failover or an operator does): the caller gets a
 * retryable DATABASE_UNAVAILABLE, nothing of the half-done change is kept (no subscriber,
 * no operation, nothing sent to the router), and the same mutation sent again succeeds
 * once, on a fresh connection. The failure is logged as one line, with no stack trace
 * from any logger (Spring's "Application exception overridden by rollback exception" was
 * one).
 */
class KilledConnectionTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	NetworkFixture network;

	HttpGraphQlTester operator;

	private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

	private final Queue<ILoggingEvent> logged = new ConcurrentLinkedQueue<>();

	private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			KilledConnectionTests.this.logged.add(event);
		}
	};

	@BeforeEach
	void network() {
		this.tenant = newTenant("killed");
		this.operator = as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
		this.network = NetworkFixture.create(this.operator, "killed-1");
	}

	@AfterEach
	void stop() {
		this.root.detachAppender(this.capture);
		this.capture.stop();
		this.network.close();
	}

	@Test
	void shouldKeepNothingOfAMutationWhoseConnectionIsKilledMidTransaction() throws Exception {
		String schema = this.tenant.schemaName();
		GraphQlResponse killed;
		this.capture.start();
		this.root.addAppender(this.capture);
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				// the subscriber is written first; its operation then waits behind this
				// lock, so the transaction is caught halfway
				lock.execute("LOCK TABLE " + schema + ".router_operation IN ACCESS EXCLUSIVE MODE");
			}
			CompletableFuture<GraphQlResponse> mutation = CompletableFuture.supplyAsync(() -> this.network.graphQl()
				.documentName("createSubscriber")
				.variable("input",
						Map.of("username", "killed-sub", "password", "killed-pass", "planId", this.network.planId(),
								"routerId", this.network.routerId()))
				.execute()
				.returnResponse());
			int victim = await().atMost(Duration.ofSeconds(30))
				.until(() -> halfWayWriter(schema), (pids) -> pids.size() == 1)
				.get(0);
			assertThat(this.jdbc.sql("SELECT pg_terminate_backend(?)").param(victim).query(Boolean.class).single())
				.isTrue();
			holder.rollback();
			killed = mutation.get(60, TimeUnit.SECONDS);
		}
		assertThat(killed.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "DATABASE_UNAVAILABLE")
				.containsEntry("retryable", true));
		this.root.detachAppender(this.capture);
		// Hikari (connection marked broken) and Hibernate (release of that connection)
		// log the broken connection as one line each, without the driver's stack trace
		assertThat(this.logged.stream()
			.filter((event) -> event.getThrowableProxy() != null)
			.map((event) -> event.getLoggerName() + ": " + event.getFormattedMessage() + " - "
					+ event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage())
			.toList()).as("stack traces logged while the connection was killed").isEmpty();
		assertThat(this.logged.stream()
			.filter((event) -> event.getLoggerName().startsWith("com.zaxxer.hikari")
					&& event.getFormattedMessage().contains("marked as broken")
					&& event.getFormattedMessage().contains("[SQLState 57P01: "))
			.count()).as("the pool's line about the broken connection").isEqualTo(1);
		assertThat(this.logged.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR))
			.map((event) -> event.getLoggerName() + ": " + event.getFormattedMessage())
			.toList()).as("errors logged while the connection was killed").isEmpty();
		assertThat(this.logged.stream()
			.filter((event) -> event.getLevel() == Level.WARN
					&& event.getFormattedMessage().startsWith("Database unavailable in "))
			.count()).as("the one line of the client's failure").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM " + schema + ".subscriber WHERE username = 'killed-sub'")
			.query(Integer.class)
			.single()).as("subscriber rows kept").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM " + schema + ".router_operation").query(Integer.class).single())
			.as("operations kept")
			.isZero();
		assertThat(this.network.simulator().secret("killed-sub")).as("secret sent to the router").isEmpty();

		String[] created = this.network.createSubscriber("killed-sub", "killed-pass");
		this.network.awaitSucceeded(created[1]);
		assertThat(this.network.simulator().secret("killed-sub")).isPresent();
		assertThat(this.jdbc.sql("SELECT count(*) FROM " + schema + ".subscriber WHERE username = 'killed-sub'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Backends waiting behind the lock that have already written a subscriber in their
	 * transaction.
	 */
	private List<Integer> halfWayWriter(String schema) {
		return this.jdbc.sql("""
				SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.relation = (? || '.subscriber')::regclass AND l.mode = 'RowExclusiveLock'
				  AND a.wait_event_type = 'Lock'""").param(schema).query(Integer.class).list();
	}

}
