package io.towerline.api.notification;

import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates: the built-in text until a tenant sets its own, unknown variables refused,
 * previews filled with the given variables (sample values for the rest), only tenant
 * admins change them.
 */
class NotificationTemplateTests extends ApiTest {

	private static final String SET = """
			mutation($input: SetNotificationTemplateInput!) { setNotificationTemplate(input: $input) {
			  template { subject body builtIn } errors { field code message } } }""";

	private static final String PREVIEW = """
			query($variables: [TemplateVariableInput!]) {
			  previewNotification(eventType: "lifecycle.notice_due", channel: EMAIL, variables: $variables) {
			    subject body } }""";

	@Test
	void shouldPreviewTheTenantsTextWithTheGivenVariables() {
		HttpGraphQlTester admin = as(TestTokens.forTenant(newTenant("templates").slug(), "TENANT_ADMIN"));
		admin.document(PREVIEW)
			.variable("variables", List.of(Map.of("name", "expiresOn", "value", "2027-03-01")))
			.execute()
			.path("previewNotification.subject")
			.entity(String.class)
			.isEqualTo("Your subscription ends on 2027-03-01");

		admin.document(SET)
			.variable("input",
					Map.of("eventType", "lifecycle.notice_due", "channel", "EMAIL", "subject",
							"{{plan}} ends {{expiresOn}}", "body", "Hi {{name}}, {{days}} days left. Pay {{amount}}."))
			.execute()
			.path("setNotificationTemplate.template.builtIn")
			.entity(Boolean.class)
			.isEqualTo(false);
		admin.document(PREVIEW)
			.variable("variables",
					List.of(Map.of("name", "name", "value", "Ana"), Map.of("name", "days", "value", "3")))
			.execute()
			.path("previewNotification.subject")
			.entity(String.class)
			.isEqualTo("Home 20 ends 2026-12-31")
			.path("previewNotification.body")
			.entity(String.class)
			.isEqualTo("Hi Ana, 3 days left. Pay 25.00.");

		admin.document(SET)
			.variable("input", Map.of("eventType", "lifecycle.notice_due", "channel", "EMAIL", "body", "Hi {{nmae}}"))
			.execute()
			.path("setNotificationTemplate.errors[0]")
			.entity(Map.class)
			.satisfies((error) -> assertThat(error).containsEntry("field", "body")
				.containsEntry("code", "VALIDATION_FAILED"));

		as(TestTokens.forTenant(newTenant("templates-op").slug(), "OPERATOR")).document(SET)
			.variable("input", Map.of("eventType", "lifecycle.notice_due", "channel", "EMAIL", "body", "x"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

}
