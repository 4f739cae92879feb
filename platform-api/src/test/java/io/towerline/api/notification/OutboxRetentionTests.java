package io.towerline.api.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.notification.OutboxRetention;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finished outbox messages go after their retention (90 days for messages to people, 30
 * for webhook deliveries), in bounded batches, on a walked clock; queued messages, other
 * tenants' messages and the subscriber timeline stay.
 */
class OutboxRetentionTests extends ApiTest {

	@Autowired
	OutboxRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldPurgeFinishedMessagesPastTheirRetentionInBoundedBatches() {
		TenantId tenant = newTenant("purge");
		TenantId other = newTenant("purge-b");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
		NetworkFixture network = NetworkFixture.create(admin, "purge-1");
		try {
			String subscriber = network.createSubscriber("kept", "secret-kept")[0];
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			insertTimeline(tenant, UUID.fromString(subscriber), now.minus(Duration.ofDays(400)));
			List<UUID> expired = new ArrayList<>();
			expired.add(message(tenant, "EMAIL", "SENT", now, 100));
			expired.add(message(tenant, "SMS", "UNDELIVERABLE", now, 95));
			expired.add(message(tenant, "EMAIL", "OPTED_OUT", now, 95));
			expired.add(message(tenant, "EMAIL", "FAILED", now, 95));
			expired.add(message(tenant, "WEBHOOK", "SENT", now, 100));
			expired.add(message(tenant, "WEBHOOK", "FAILED", now, 31));
			UUID queued = message(tenant, "EMAIL", "QUEUED", now, 200);
			UUID recentMail = message(tenant, "EMAIL", "SENT", now, 89);
			UUID recentHook = message(tenant, "WEBHOOK", "SENT", now, 29);
			UUID otherTenants = message(other, "EMAIL", "SENT", now, 100);

			// at most two per batch, until nothing is left to delete
			List<Integer> batches = new ArrayList<>();
			int deleted;
			do {
				deleted = TenantContext.callAs(tenant, () -> this.retention.purgeBatch(now, 2));
				batches.add(deleted);
			}
			while (deleted > 0);
			assertThat(batches).containsExactly(2, 2, 2, 0);
			assertThat(ids(tenant)).containsExactlyInAnyOrder(queued, recentMail, recentHook)
				.doesNotContainAnyElementsOf(expired);
			assertThat(ids(other)).containsExactly(otherTenants);

			// two days later the recent ones have passed their retention too
			Instant later = now.plus(Duration.ofDays(2));
			assertThat(TenantContext.callAs(tenant, () -> this.retention.purge(later))).isEqualTo(2);
			assertThat(ids(tenant)).containsExactly(queued);
			assertThat(TenantContext.callAs(tenant, () -> this.retention.purge(later.plus(Duration.ofDays(365)))))
				.isZero();
			assertThat(ids(tenant)).containsExactly(queued);
			assertThat(timelineCount(tenant, UUID.fromString(subscriber))).isGreaterThanOrEqualTo(2);
		}
		finally {
			network.close();
		}
	}

	private UUID message(TenantId tenant, String channel, String status, Instant now, int daysOld) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".notification_outbox (id, channel, event_id, event_type,"
					+ " recipient, body, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'test.event',"
					+ " 'someone', 'body', ?, 1, ?, ?)")
			.params(id, channel, UUID.randomUUID(), status, Timestamp.from(now.minus(Duration.ofDays(daysOld))),
					"QUEUED".equals(status) ? Timestamp.from(now.plus(Duration.ofDays(1))) : null)
			.update();
		return id;
	}

	private void insertTimeline(TenantId tenant, UUID subscriberId, Instant at) {
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".subscriber_timeline (id, subscriber_id, occurred_at, kind,"
					+ " summary, actor) VALUES (?, ?, ?, 'lifecycle.suspended', 'Suspended long ago', 'system:test')")
			.params(UUID.randomUUID(), subscriberId, Timestamp.from(at))
			.update();
	}

	private List<UUID> ids(TenantId tenant) {
		return this.jdbc.sql("SELECT id FROM " + tenant.schemaName() + ".notification_outbox").query(UUID.class).list();
	}

	private long timelineCount(TenantId tenant, UUID subscriberId) {
		return this.jdbc
			.sql("SELECT count(*) FROM " + tenant.schemaName() + ".subscriber_timeline WHERE subscriber_id = ?")
			.param(subscriberId)
			.query(Long.class)
			.single();
	}

}
