package io.towerline.api.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B acting on tenant A's lifecycle and notification objects: it sees only its own
 * policy, plan overrides, templates and previews, outbox, caught mail, recipients and
 * endpoints, and every operation on A's ids is NOT_FOUND with no side effect.
 */
class LifecycleIsolationTests extends ApiTest {

	HttpGraphQlTester adminA;

	HttpGraphQlTester adminB;

	NetworkFixture network;

	String subscriberA;

	TenantId a;

	TenantId b;

	@BeforeEach
	void twoTenants() {
		this.a = newTenant("iso-life-a");
		this.b = newTenant("iso-life-b");
		this.adminA = as(TestTokens.forTenant(this.a.slug(), "TENANT_ADMIN"));
		this.adminB = as(TestTokens.forTenant(this.b.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.adminA, "iso-life-1");
		String grace = LifecycleFlowTests.createPlan(this.adminA, "Grace", "grace-iso", "1M");
		LifecycleFlowTests.setPolicy(this.adminA, grace, List.of(5, 2), 4);
		this.subscriberA = this.network.createSubscriber("iso-a", "secret-iso-a")[0];
		this.adminA.document("""
				mutation($input: SetNotificationTemplateInput!) { setNotificationTemplate(input: $input) {
				  errors { code } } }""")
			.variable("input",
					Map.of("eventType", "lifecycle.payment_recorded", "channel", "EMAIL", "subject", "A's receipt",
							"body", "Thanks {{name}}"))
			.execute()
			.path("setNotificationTemplate.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	@Test
	void shouldKeepPoliciesTemplatesOutboxAndTimelinesApart() {
		String expiresOn = LocalDate.now().plusDays(40).toString();
		this.adminA
			.document("mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { errors { code } } }")
			.variable("input",
					Map.of("subscriberId", this.subscriberA, "amount", "10.00", "currency", "EUR", "until", expiresOn,
							"idempotencyKey", "same"))
			.execute()
			.path("recordPayment.errors")
			.entityList(Object.class)
			.hasSize(0);

		this.adminB.document("{ lifecyclePolicy { enabled noticeDays graceDays } }")
			.execute()
			.path("lifecyclePolicy.enabled")
			.entity(Boolean.class)
			.isEqualTo(false);
		this.adminB.document("{ notificationTemplates { eventType channel subject builtIn } }")
			.execute()
			.path("notificationTemplates[*].subject")
			.entityList(String.class)
			.satisfies((subjects) -> assertThat(subjects).doesNotContain("A's receipt"));
		this.adminB.document("{ notifications(limit: 100) { nodes { id } } }")
			.execute()
			.path("notifications.nodes")
			.entityList(Object.class)
			.hasSize(0);

		String messageA = this.adminA.document("{ notifications(limit: 100) { nodes { id } } }")
			.execute()
			.path("notifications.nodes[0].id")
			.entity(String.class)
			.get();
		notFound(this.adminB.document("query($id: ID!) { notification(id: $id) { id } }").variable("id", messageA));
		notFound(this.adminB
			.document("query($id: ID!) { subscriber(id: $id) { timeline(first: 5) { nodes { kind } } } }")
			.variable("id", this.subscriberA));
		notFound(this.adminB.document(LifecycleFlowTests.EXTEND)
			.variable("input", Map.of("subscriberId", this.subscriberA, "days", 300, "idempotencyKey", "same")));
		notFound(this.adminB.document("""
				mutation($input: PostponeSuspensionInput!) { postponeSuspension(input: $input) { replayed } }""")
			.variable("input", Map.of("subscriberId", this.subscriberA, "until", LocalDate.now().toString(), "reason",
					"not mine")));
		notFound(this.adminB.document("""
				mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { replayed } }""")
			.variable("input",
					Map.of("subscriberId", this.subscriberA, "amount", "1.00", "currency", "EUR", "days", 5)));
		notFound(this.adminB.document(
				"""
						mutation($input: SetSubscriberOptOutInput!) { setSubscriberOptOut(input: $input) { errors { code } } }""")
			.variable("input", Map.of("subscriberId", this.subscriberA, "channel", "EMAIL", "optedOut", true)));
		notFound(this.adminB.document(
				"""
						mutation($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) { errors { code } } }""")
			.variable("input", Map.of("deliveryId", messageA)));

		// nothing B tried changed A's subscriber; the same key in B is B's own
		this.adminA.document(
				"query($id: ID!) { subscriber(id: $id) { expiresOn optedOutOf timeline(first: 50) { nodes { actor } } } }")
			.variable("id", this.subscriberA)
			.execute()
			.path("subscriber.expiresOn")
			.entity(String.class)
			.isEqualTo(expiresOn)
			.path("subscriber.optedOutOf")
			.entityList(String.class)
			.hasSize(0);
	}

	@Test
	void shouldKeepRecipientsEndpointsAndCaughtMailApart() {
		String recipient = this.adminA.document("""
				mutation($input: AddStaffRecipientInput!) { addStaffRecipient(input: $input) { recipient { id } } }""")
			.variable("input", Map.of("channel", "EMAIL", "address", "noc@a.example", "events", "alert.*"))
			.execute()
			.path("addStaffRecipient.recipient.id")
			.entity(String.class)
			.get();
		String endpoint = this.adminA.document(
				"""
						mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }""")
			.variable("input", Map.of("url", "http://127.0.0.1:9/a", "events", "*"))
			.execute()
			.path("createWebhookEndpoint.endpoint.id")
			.entity(String.class)
			.get();
		this.adminB
			.document("{ staffRecipients { id } webhookEndpoints { id } caughtMail(limit: 100) { nodes { to } } }")
			.execute()
			.path("staffRecipients")
			.entityList(Object.class)
			.hasSize(0)
			.path("webhookEndpoints")
			.entityList(Object.class)
			.hasSize(0);
		notFound(this.adminB.document(
				"""
						mutation($input: RemoveStaffRecipientInput!) { removeStaffRecipient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("id", recipient)));
		notFound(this.adminB.document(
				"""
						mutation($input: WebhookEndpointIdInput!) { deleteWebhookEndpoint(input: $input) { errors { code } } }""")
			.variable("input", Map.of("id", endpoint)));
		notFound(this.adminB.document("""
				query($id: ID!) { webhookDeliveries(webhookEndpointId: $id, limit: 5) { nodes { id } } }""")
			.variable("id", endpoint));
		this.adminA.document("{ staffRecipients { id } webhookEndpoints { id } }")
			.execute()
			.path("staffRecipients")
			.entityList(Object.class)
			.hasSize(1)
			.path("webhookEndpoints")
			.entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void shouldKeepPlanOverridesAndPreviewsApart() {
		String override = """
				mutation($input: SetPlanLifecycleOverrideInput!) { setPlanLifecycleOverride(input: $input) {
				  override { graceDays } errors { field code } } }""";
		this.adminA.document(override)
			.variable("input", Map.of("planId", this.network.planId(), "noticeDays", List.of(9), "graceDays", 6))
			.execute()
			.path("setPlanLifecycleOverride.override.graceDays")
			.entity(Integer.class)
			.isEqualTo(6);

		// B on A's plan: refused as a plan it does not have, A's override untouched
		this.adminB.document(override)
			.variable("input", Map.of("planId", this.network.planId(), "noticeDays", List.of(1), "graceDays", 1))
			.execute()
			.path("setPlanLifecycleOverride.override")
			.valueIsNull()
			.path("setPlanLifecycleOverride.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		this.adminB.document(override)
			.variable("input", Map.of("planId", this.network.planId()))
			.execute()
			.path("setPlanLifecycleOverride.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		this.adminB.document("{ lifecyclePolicy { planOverrides { plan { id } } } }")
			.execute()
			.path("lifecyclePolicy.planOverrides")
			.entityList(Object.class)
			.hasSize(0);
		this.adminA.document("{ lifecyclePolicy { planOverrides { plan { id } noticeDays graceDays } } }")
			.execute()
			.path("lifecyclePolicy.planOverrides[0].plan.id")
			.entity(String.class)
			.isEqualTo(this.network.planId())
			.path("lifecyclePolicy.planOverrides[0].noticeDays")
			.entityList(Integer.class)
			.containsExactly(9)
			.path("lifecyclePolicy.planOverrides[0].graceDays")
			.entity(Integer.class)
			.isEqualTo(6);

		// a preview renders the previewing tenant's template in force, never A's
		String preview = """
				{ previewNotification(eventType: "lifecycle.payment_recorded", channel: EMAIL) { subject } }""";
		this.adminA.document(preview)
			.execute()
			.path("previewNotification.subject")
			.entity(String.class)
			.isEqualTo("A's receipt");
		this.adminB.document(preview)
			.execute()
			.path("previewNotification.subject")
			.entity(String.class)
			.satisfies((subject) -> assertThat(subject).isNotEqualTo("A's receipt"));
	}

	@Test
	void shouldPreviewADraftWithTheCallersOwnTenantOnly() {
		// the draft names no ids: what could leak is another tenant's name or its text in
		// force, so B's preview must carry B and A's saved subject nowhere
		String draft = """
				{ previewNotificationDraft(eventType: "lifecycle.payment_recorded", channel: EMAIL,
				    subject: "Receipt of {{tenant}}", body: "{{tenant}} thanks {{name}}") { subject body } }""";
		this.adminB.document(draft)
			.execute()
			.path("previewNotificationDraft.subject")
			.entity(String.class)
			.isEqualTo("Receipt of " + this.b.slug())
			.path("previewNotificationDraft.body")
			.entity(String.class)
			.satisfies((body) -> assertThat(body).startsWith(this.b.slug() + " thanks ").doesNotContain(this.a.slug()));
		this.adminA.document(draft)
			.execute()
			.path("previewNotificationDraft.subject")
			.entity(String.class)
			.isEqualTo("Receipt of " + this.a.slug());
	}

	private static void notFound(HttpGraphQlTester.Request<?> request) {
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

}
