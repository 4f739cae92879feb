package io.towerline.api.notification;

import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's preview of a text not saved yet: it renders the given text (not the one in
 * force), stores nothing, drops the subject for SMS, refuses what could not be saved, and
 * fills the caller's own tenant in.
 */
class NotificationDraftPreviewTests extends ApiTest {

	private static final String DRAFT = """
			query($channel: NotificationChannel, $subject: String, $body: String!,
			    $variables: [TemplateVariableInput!]) {
			  previewNotificationDraft(eventType: "lifecycle.notice_due", channel: $channel, subject: $subject,
			      body: $body, variables: $variables) { subject body } }""";

	private static final String TEMPLATES = """
			{ notificationTemplates { eventType channel body builtIn } }""";

	@Test
	void shouldPreviewTheTextBeingEditedAndStoreNothing() {
		TenantId tenant = newTenant("draft");
		HttpGraphQlTester viewer = as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
		viewer.document(DRAFT)
			.variable("subject", "{{plan}} ends {{expiresOn}}")
			.variable("body", "Hi {{name}} of {{tenant}}, {{days}} days left.")
			.variable("variables", List.of(Map.of("name", "days", "value", "2")))
			.execute()
			.path("previewNotificationDraft.subject")
			.entity(String.class)
			.isEqualTo("Home 20 ends 2026-12-31")
			.path("previewNotificationDraft.body")
			.entity(String.class)
			.isEqualTo("Hi Jane Doe of " + tenant.slug() + ", 2 days left.");
		viewer.document(TEMPLATES)
			.execute()
			.path("notificationTemplates[*].builtIn")
			.entityList(Boolean.class)
			.satisfies((builtIn) -> assertThat(builtIn).isNotEmpty().containsOnly(true));
	}

	@Test
	void shouldDropTheSubjectForSms() {
		as(TestTokens.forTenant(newTenant("draft-sms").slug(), "VIEWER")).document(DRAFT)
			.variable("channel", "SMS")
			.variable("subject", "ignored")
			.variable("body", "{{days}} days left")
			.execute()
			.path("previewNotificationDraft.subject")
			.valueIsNull()
			.path("previewNotificationDraft.body")
			.entity(String.class)
			.isEqualTo("3 days left");
	}

	@Test
	void shouldRefuseATextTooLongToSave() {
		as(TestTokens.forTenant(newTenant("draft-long").slug(), "VIEWER")).document(DRAFT)
			.variable("body", "x".repeat(10_001))
			.execute()
			.errors()
			.expect((error) -> "VALIDATION_FAILED".equals(error.getExtensions().get("code")))
			.verify();
	}

}
