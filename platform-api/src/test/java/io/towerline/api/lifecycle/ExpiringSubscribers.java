package io.towerline.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.NetworkFixture;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.Outbox.OutboxFilter;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Subscribers created through the API who all expire on one day, under a policy of one
 * notice three days ahead and one day's grace on a grace plan: what the evaluation's race
 * and crash tests start from.
 *
 * @param count how many there are
 * @param expiresOn the day they all expire
 */
record ExpiringSubscribers(int count, LocalDate expiresOn) {

	/** {@code count} subscribers named {@code prefix0} … on {@code network}'s router. */
	static ExpiringSubscribers create(HttpGraphQlTester admin, NetworkFixture network, String prefix, int count) {
		String grace = LifecycleFlowTests.createPlan(admin, "Grace", "grace", "1M");
		LifecycleFlowTests.setPolicy(admin, grace, List.of(3), 1);
		LocalDate expiresOn = LocalDate.now(LifecycleFlowTests.ZONE).plusDays(20);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(Map.of("username", prefix + i, "password", "secret-" + i, "planId", network.planId(), "routerId",
					network.routerId(), "email", prefix + i + "@example.net", "expiresOn", expiresOn.toString()));
		}
		admin.documentName("bulkCreateSubscribers")
			.variable("input", Map.of("subscribers", rows))
			.execute()
			.path("bulkCreateSubscribers.accepted")
			.entity(Integer.class)
			.isEqualTo(count);
		return new ExpiringSubscribers(count, expiresOn);
	}

	/** A minute after their notice is due. */
	Instant noticeDue() {
		return at(this.expiresOn.minusDays(3)).plusSeconds(60);
	}

	/** The evaluation hour {@code days} after they expire. */
	Instant afterExpiry(int days) {
		return at(this.expiresOn.plusDays(days));
	}

	/** Every message of {@code type} in {@code tenant}'s outbox. */
	static List<OutboxMessage> notices(Outbox outbox, TenantId tenant, String type) {
		List<OutboxMessage> all = new ArrayList<>();
		TenantContext.runAs(tenant, () -> {
			UUID after = null;
			List<OutboxMessage> page;
			do {
				page = outbox.list(new OutboxFilter(null, null, null, null, type), after, 100);
				all.addAll(page);
				after = page.isEmpty() ? null : page.get(page.size() - 1).id();
			}
			while (page.size() == 100);
		});
		return all;
	}

	private static Instant at(LocalDate day) {
		return day.atTime(LifecycleFlowTests.HOUR, 0).atZone(LifecycleFlowTests.ZONE).toInstant();
	}

}
