package io.towerline.api.observability;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.towerline.api.support.ApiTest;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out metrics appear on the endpoint the chart's ServiceMonitor scrapes
 * ({@code /actuator/prometheus}, no token) and follow the tenants' tables: an operation
 * queued two hours ago and a notification waiting as long show as backlog and as the
 * oldest age; the stream-lease counters are there from the start.
 */
class BacklogMetricsTests extends ApiTest {

	private static final Duration WAITED = Duration.ofHours(2);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldExposeOperationAndOutboxBacklogAndLeaseCountersToPrometheus() throws Exception {
		TenantId tenant = newTenant("metrics");
		String schema = tenant.schemaName();
		Timestamp then = Timestamp.from(Instant.now().minus(WAITED));
		UUID operation = UUID.randomUUID();
		UUID message = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO " + schema + ".router_operation (id, kind, router_id, status, attempts, "
				+ "progress_done, progress_total, progress_failed, requested_by, created_at, updated_at, version, "
				+ "lock_key) VALUES (?, 'SYNC_SUBSCRIBER', ?, 'QUEUED', 0, 0, 1, 0, 'test', ?, ?, 0, 'metrics-test')")
			.params(operation, UUID.randomUUID(), then, then)
			.update();
		this.jdbc
			.sql("INSERT INTO " + schema + ".notification_outbox (id, channel, event_id, event_type, body, status, "
					+ "created_at, next_attempt_at) VALUES (?, 'EMAIL', ?, 'test.metrics', 'body', 'QUEUED', ?, ?)")
			.params(message, UUID.randomUUID(), then, Timestamp.from(Instant.now().plus(Duration.ofDays(1))))
			.update();
		try {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				String scrape = scrape();
				assertThat(value(scrape, "towerline_operations_backlog\\{[^}]*status=\"QUEUED\"[^}]*\\}"))
					.isGreaterThanOrEqualTo(1);
				assertThat(value(scrape, "towerline_operations_oldest_queued_age_seconds(\\{[^}]*\\})?"))
					.isGreaterThanOrEqualTo(WAITED.toSeconds() - 60);
				assertThat(value(scrape, "towerline_notifications_outbox_backlog(\\{[^}]*\\})?"))
					.isGreaterThanOrEqualTo(1);
				assertThat(value(scrape, "towerline_notifications_outbox_oldest_age_seconds(\\{[^}]*\\})?"))
					.isGreaterThanOrEqualTo(WAITED.toSeconds() - 60);
				assertThat(value(scrape, "towerline_stream_lease_takeovers_total(\\{[^}]*\\})?")).isNotNegative();
				assertThat(value(scrape, "towerline_stream_lease_losses_total(\\{[^}]*\\})?")).isNotNegative();
				assertThat(value(scrape, "towerline_stream_leases_held(\\{[^}]*\\})?")).isNotNegative();
			});
		}
		finally {
			this.jdbc.sql("DELETE FROM " + schema + ".router_operation WHERE id = ?").param(operation).update();
			this.jdbc.sql("DELETE FROM " + schema + ".notification_outbox WHERE id = ?").param(message).update();
		}
		// gone from the tables, gone from the oldest age (no other test leaves hours-old
		// work)
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(value(scrape(), "towerline_operations_oldest_queued_age_seconds(\\{[^}]*\\})?"))
						.isLessThan(WAITED.toSeconds() - 60));
	}

	private String scrape() throws UnsupportedEncodingException {
		MvcTestResult result = this.mvc.get().uri("/actuator/prometheus").exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	private static double value(String scrape, String series) {
		Matcher matcher = Pattern.compile("(?m)^" + series + " ([-+0-9.eE]+|NaN)$").matcher(scrape);
		assertThat(matcher.find()).as("series %s in the scrape", series).isTrue();
		return Double.parseDouble(matcher.group(matcher.groupCount()));
	}

}
