package io.towerline.api.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.notification.EmbeddedMailServer;
import io.towerline.core.testsupport.ReservedPort;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail through a real SMTP server (the embedded one): an outage is retried until the
 * server accepts and the message arrives once; missing addresses and opt-outs are
 * reported as such, never skipped silently.
 */
class MailDeliveryTests extends ApiTest {

	@Autowired
	EmbeddedMailServer mail;

	TenantId tenant;

	HttpGraphQlTester admin;

	NetworkFixture network;

	PaymentNotices notices;

	@BeforeEach
	void network() {
		this.tenant = newTenant("mail");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "mail-1");
		this.notices = new PaymentNotices(this.admin, this.network, "EMAIL", "email");
	}

	@AfterEach
	void close() {
		this.network.close();
		this.mail.start();
	}

	@Test
	void shouldDeliverOnceWhenTheServerRefusesThenAccepts() {
		String id = this.notices.subscriber("refused", "refused@example.net");
		int port = this.mail.port();
		this.mail.stop();
		Map<String, Object> message;
		try (ReservedPort down = ReservedPort.hold(port)) {
			this.notices.pay(id, "pay-refused");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Map<String, Object> queued = this.notices.payment(id);
				assertThat(queued).containsEntry("status", "QUEUED");
				assertThat((Integer) queued.get("attempts")).isGreaterThanOrEqualTo(2);
				assertThat((String) queued.get("lastError")).isNotBlank();
			});
		}
		this.mail.start();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.notices.payment(id)).containsEntry("status", "SENT"));
		message = this.notices.payment(id);
		List<Map<String, Object>> caught = caught();
		assertThat(caught).hasSize(1);
		assertThat(caught.get(0)).containsEntry("messageId", "<" + message.get("id") + "@towerline>")
			.containsEntry("to", "refused@example.net")
			.containsEntry("subject", "Payment received");
		assertThat((String) caught.get(0).get("body")).contains("25.00 EUR", "INV-7");
	}

	@Test
	void shouldReportMissingAddressesAndOptOuts() {
		String noMail = this.notices.subscriber("nomail", null);
		String optedOut = this.notices.subscriber("optout", "optout@example.net");
		this.admin.document("""
				mutation($input: SetSubscriberOptOutInput!) { setSubscriberOptOut(input: $input) {
				  subscriber { optedOutOf } errors { code } } }""")
			.variable("input", Map.of("subscriberId", optedOut, "channel", "EMAIL", "optedOut", true))
			.execute()
			.path("setSubscriberOptOut.subscriber.optedOutOf")
			.entityList(String.class)
			.containsExactly("EMAIL");
		this.notices.pay(noMail, "pay-nomail");
		this.notices.pay(optedOut, "pay-optout");
		assertThat(this.notices.payment(noMail)).containsEntry("status", "UNDELIVERABLE")
			.containsEntry("lastError", "The subscriber has no e-mail address");
		assertThat(this.notices.payment(optedOut)).containsEntry("status", "OPTED_OUT");
		assertThat(caught()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> caught() {
		return this.admin.document("{ caughtMail(limit: 100) { nodes { messageId to subject body } } }")
			.execute()
			.path("caughtMail.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

}
