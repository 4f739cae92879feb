package io.towerline.api.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber whose subscription ends walks the whole flow on a walked clock: notices on
 * the right days at the right local hour, the grace plan on the router, suspended with
 * its session gone, restored at once by {@code extendSubscription}; a retried extension
 * changes nothing; everything is in the timeline and the notices arrive as mail.
 */
class LifecycleFlowTests extends ApiTest {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	static final int HOUR = 9;

	@Autowired
	LifecycleEvaluation evaluation;

	TenantId tenant;

	HttpGraphQlTester admin;

	NetworkFixture network;

	String gracePlanId;

	@BeforeEach
	void network() {
		this.tenant = newTenant("life");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "life-1");
		this.gracePlanId = createPlan(this.admin, "Grace 1M", "grace-1m", "1M");
		setPolicy(this.admin, this.gracePlanId, List.of(7, 3, 1), 2);
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	@Test
	void shouldWalkFromNoticesThroughGraceToSuspensionAndBackAtOnce() {
		// the walk starts on a day that is ahead of the real clock, so the scheduled
		// evaluation (real time) never gets there first
		LocalDate expiresOn = LocalDate.now(ZONE).plusDays(12);
		String id = createSubscriber("walker", expiresOn, "walker@example.net");
		this.network.simulator().connectSubscriber("walker");

		// three days before: before the hour nothing; the 7-day notice is too late to
		// send
		evaluateAt(expiresOn.minusDays(3), LocalTime.of(HOUR - 1, 59));
		assertThat(notices(id)).isEmpty();
		evaluateAt(expiresOn.minusDays(3), LocalTime.of(HOUR, 0));
		assertThat(notices(id)).containsExactly("3");
		evaluateAt(expiresOn.minusDays(3), LocalTime.of(HOUR + 5, 0));
		evaluateAt(expiresOn.minusDays(2), LocalTime.of(HOUR, 30));
		assertThat(notices(id)).containsExactly("3");
		evaluateAt(expiresOn.minusDays(1), LocalTime.of(HOUR - 1, 0));
		assertThat(notices(id)).containsExactly("3");
		evaluateAt(expiresOn.minusDays(1), LocalTime.of(HOUR, 0));
		assertThat(notices(id)).containsExactly("1", "3");

		// the day after the last paid day, at the hour: grace, on the grace plan's
		// profile
		evaluateAt(expiresOn.plusDays(1), LocalTime.of(HOUR - 1, 0));
		assertThat(state(id)).isEqualTo("ACTIVE");
		evaluateAt(expiresOn.plusDays(1), LocalTime.of(HOUR, 0));
		assertThat(state(id)).isEqualTo("GRACE");
		awaitRouter(() -> assertThat(secret("walker")).containsEntry("profile", "grace-1m")
			.containsEntry("disabled", "false"));
		assertThat(this.network.simulator().onlineSubscribers()).contains("walker");

		// two grace days later: suspended, the secret disabled and the session ended
		evaluateAt(expiresOn.plusDays(2), LocalTime.of(HOUR + 12, 0));
		assertThat(state(id)).isEqualTo("GRACE");
		evaluateAt(expiresOn.plusDays(3), LocalTime.of(HOUR, 0));
		assertThat(state(id)).isEqualTo("SUSPENDED");
		awaitRouter(() -> {
			assertThat(secret("walker")).containsEntry("disabled", "true");
			assertThat(this.network.simulator().onlineSubscribers()).doesNotContain("walker");
		});

		// extended: restored at once, without waiting for an evaluation
		Map<String, Object> extended = extend(id, expiresOn.plusDays(30).toString(), "pay-1");
		assertThat(extended).containsEntry("replayed", false)
			.containsEntry("lifecycleState", "ACTIVE")
			.containsEntry("expiresOn", expiresOn.plusDays(30).toString());
		awaitRouter(() -> assertThat(secret("walker")).containsEntry("profile", "home-20")
			.containsEntry("disabled", "false"));
		assertThat(subscriberField(id, "status")).isEqualTo("ACTIVE");

		List<String> kinds = timelineKinds(id);
		assertThat(kinds).contains("lifecycle.notice_due", "lifecycle.grace_started", "subscriber.changed",
				"lifecycle.suspended", "subscriber.suspended", "lifecycle.extended", "lifecycle.restored",
				"subscriber.restored");
		assertThat(kinds.stream().filter("lifecycle.notice_due"::equals)).hasSize(2);

		// the notices, grace, suspension and restore arrive as mail, each once
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(caughtSubjects()).hasSize(5));
		assertThat(caughtSubjects()).containsExactlyInAnyOrder("Your subscription ends on " + expiresOn,
				"Your subscription ends on " + expiresOn,
				"Your subscription has ended: reduced speed until " + expiresOn.plusDays(2),
				"Your service is suspended", "Your service is restored");
	}

	@Test
	void shouldChangeNothingWhenTheSameExtensionIsSentTwice() {
		LocalDate expiresOn = LocalDate.now(ZONE).plusDays(5);
		String id = createSubscriber("twice", expiresOn, null);
		Map<String, Object> first = extend(id, null, "key-twice", 30);
		assertThat(first).containsEntry("replayed", false)
			.containsEntry("expiresOn", expiresOn.plusDays(30).toString());
		List<String> timeline = timelineKinds(id);
		String operations = operationsOf(id);

		Map<String, Object> again = extend(id, null, "key-twice", 30);
		assertThat(again).containsEntry("replayed", true).containsEntry("expiresOn", expiresOn.plusDays(30).toString());
		assertThat(subscriberField(id, "expiresOn")).isEqualTo(expiresOn.plusDays(30).toString());
		assertThat(timelineKinds(id)).isEqualTo(timeline);
		assertThat(operationsOf(id)).isEqualTo(operations);

		// the key with other arguments is refused, and changes nothing either
		this.admin.document(EXTEND)
			.variable("input", Map.of("subscriberId", id, "days", 60, "idempotencyKey", "key-twice"))
			.execute()
			.path("extendSubscription.errors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
		assertThat(subscriberField(id, "expiresOn")).isEqualTo(expiresOn.plusDays(30).toString());
	}

	@Test
	void shouldLeaveSubscribersWithoutExpiryAndStopWhenThePolicyIsOff() {
		LocalDate expiresOn = LocalDate.now(ZONE).plusDays(3);
		String never = createSubscriber("never", null, "never@example.net");
		String paused = createSubscriber("paused", expiresOn, "paused@example.net");
		setPolicy(this.admin, this.gracePlanId, List.of(7, 3, 1), 2, false);
		evaluateAt(expiresOn.plusDays(10), LocalTime.of(HOUR, 0));
		assertThat(state(paused)).isEqualTo("ACTIVE");
		assertThat(notices(paused)).isEmpty();
		assertNoLifecycle(never);

		setPolicy(this.admin, this.gracePlanId, List.of(7, 3, 1), 2, true);
		evaluateAt(expiresOn.plusDays(10), LocalTime.of(HOUR, 0));
		assertThat(state(paused)).isEqualTo("SUSPENDED");
		assertNoLifecycle(never);
		assertThat(timelineKinds(never)).doesNotContain("lifecycle.suspended", "lifecycle.grace_started");
	}

	@Test
	void shouldPostponeASuspensionAndPutTheSubscriberBackOnGrace() {
		LocalDate today = LocalDate.now(ZONE);
		String id = createSubscriber("promise", today.minusDays(5), "promise@example.net");
		// a look is never due before the subscriber existed: the first one is tomorrow at
		// the hour, after now whatever the time of day (today at 23:00 was in the past
		// during the last hour of a Berlin day, and nothing was due then)
		evaluateAt(today.plusDays(1), LocalTime.of(HOUR, 0));
		assertThat(state(id)).isEqualTo("SUSPENDED");
		Map<String, Object> postponed = this.admin.document("""
				mutation($input: PostponeSuspensionInput!) { postponeSuspension(input: $input) {
				  lifecycleState errors { field code } } }""")
			.variable("input",
					Map.of("subscriberId", id, "until", today.plusDays(3).toString(), "reason",
							"Promised to pay on Friday"))
			.execute()
			.path("postponeSuspension")
			.entity(Map.class)
			.get();
		assertThat(postponed).containsEntry("lifecycleState", "GRACE").containsEntry("errors", List.of());
		awaitRouter(() -> assertThat(secret("promise")).containsEntry("disabled", "false")
			.containsEntry("profile", "grace-1m"));
		evaluateAt(today.plusDays(3), LocalTime.of(23, 0));
		assertThat(state(id)).isEqualTo("GRACE");
		evaluateAt(today.plusDays(4), LocalTime.of(HOUR, 0));
		assertThat(state(id)).isEqualTo("SUSPENDED");
	}

	static final String EXTEND = """
			mutation($input: ExtendSubscriptionInput!) { extendSubscription(input: $input) {
			  expiresOn lifecycleState replayed errors { field code message } } }""";

	void evaluateAt(LocalDate day, LocalTime time) {
		Instant now = day.atTime(time).atZone(ZONE).toInstant();
		TenantContext.runAs(this.tenant, () -> this.evaluation.evaluateDue(now));
	}

	Map<String, Object> extend(String id, String until, String key) {
		return extend(id, until, key, null);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> extend(String id, String until, String key, Integer days) {
		Map<String, Object> input = new HashMap<>(Map.of("subscriberId", id, "idempotencyKey", key));
		if (until != null) {
			input.put("until", until);
		}
		if (days != null) {
			input.put("days", days);
		}
		return this.admin.document(EXTEND)
			.variable("input", input)
			.execute()
			.path("extendSubscription")
			.entity(Map.class)
			.get();
	}

	String createSubscriber(String username, LocalDate expiresOn, String email) {
		Map<String, Object> input = new HashMap<>(Map.of("username", username, "password", "secret-" + username,
				"planId", this.network.planId(), "routerId", this.network.routerId(), "fullName", "Test " + username));
		if (expiresOn != null) {
			input.put("expiresOn", expiresOn.toString());
		}
		if (email != null) {
			input.put("email", email);
		}
		var response = this.admin.documentName("createSubscriber").variable("input", input).execute();
		response.path("createSubscriber.errors").entityList(Object.class).hasSize(0);
		this.network.awaitSucceeded(response.path("createSubscriber.operation.id").entity(String.class).get());
		return response.path("createSubscriber.subscriber.id").entity(String.class).get();
	}

	List<String> notices(String id) {
		return this.admin.document("""
				query($id: ID!) { notifications(subscriberId: $id, eventType: "lifecycle.notice_due", limit: 100) {
				  nodes { body } } }""")
			.variable("id", id)
			.execute()
			.path("notifications.nodes[*].body")
			.entityList(String.class)
			.get()
			.stream()
			.map((body) -> body.replaceAll("(?s).*ends in (\\d+) day.*", "$1"))
			.sorted()
			.toList();
	}

	void assertNoLifecycle(String id) {
		this.admin.document("query($id: ID!) { subscriber(id: $id) { lifecycleState expiresAt } }")
			.variable("id", id)
			.execute()
			.path("subscriber.lifecycleState")
			.valueIsNull()
			.path("subscriber.expiresAt")
			.valueIsNull();
	}

	String state(String id) {
		return subscriberField(id, "lifecycleState");
	}

	String subscriberField(String id, String field) {
		return this.admin.document("query($id: ID!) { subscriber(id: $id) { " + field + " } }")
			.variable("id", id)
			.execute()
			.path("subscriber." + field)
			.entity(String.class)
			.get();
	}

	List<String> timelineKinds(String id) {
		return this.admin
			.document("query($id: ID!) { subscriber(id: $id) { timeline(first: 100) { nodes { kind } } } }")
			.variable("id", id)
			.execute()
			.path("subscriber.timeline.nodes[*].kind")
			.entityList(String.class)
			.get();
	}

	String operationsOf(String id) {
		return this.admin
			.document("query($id: ID!) { operations(subscriberId: $id, first: 100) { edges { node { id } } } }")
			.variable("id", id)
			.execute()
			.path("operations.edges[*].node.id")
			.entityList(String.class)
			.get()
			.toString();
	}

	List<String> caughtSubjects() {
		return this.admin.document("{ caughtMail(limit: 100) { nodes { subject } } }")
			.execute()
			.path("caughtMail.nodes[*].subject")
			.entityList(String.class)
			.get();
	}

	Map<String, String> secret(String name) {
		return this.network.simulator().secret(name).orElseThrow();
	}

	static void awaitRouter(ThrowingRunnable assertion) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(assertion);
	}

	static String createPlan(HttpGraphQlTester admin, String name, String profile, String rate) {
		return admin.documentName("createPlan")
			.variable("input", Map.of("name", name, "profileName", profile, "downloadRate", rate, "uploadRate", rate))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
	}

	static void setPolicy(HttpGraphQlTester admin, String gracePlanId, List<Integer> notices, int graceDays) {
		setPolicy(admin, gracePlanId, notices, graceDays, true);
	}

	static void setPolicy(HttpGraphQlTester admin, String gracePlanId, List<Integer> notices, int graceDays,
			boolean enabled) {
		admin.document("""
				mutation($input: SetLifecyclePolicyInput!) { setLifecyclePolicy(input: $input) {
				  policy { enabled } errors { field code message } } }""")
			.variable("input",
					Map.of("enabled", enabled, "noticeDays", notices, "graceDays", graceDays, "gracePlanId",
							gracePlanId, "actionHour", HOUR, "timeZone", ZONE.getId()))
			.execute()
			.path("setLifecyclePolicy.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
