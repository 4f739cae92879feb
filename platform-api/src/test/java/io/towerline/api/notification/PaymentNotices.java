package io.towerline.api.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.NetworkFixture;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribers paying, and the payment notice each gets on one channel: what the delivery
 * tests of every channel start from and look at.
 *
 * @param admin the tenant admin acting
 * @param network the router and plan the subscribers are on
 * @param channel the channel whose messages are read ({@code EMAIL}, {@code SMS})
 * @param contactField the subscriber's field that channel delivers to ({@code email},
 * {@code phone})
 */
record PaymentNotices(HttpGraphQlTester admin, NetworkFixture network, String channel, String contactField) {

	/** The reference every payment carries, shown in its notice. */
	static final String REFERENCE = "INV-7";

	/** A new subscriber with {@code contact} in the channel's field, or none. */
	String subscriber(String username, @Nullable String contact) {
		Map<String, Object> input = new HashMap<>(Map.of("username", username, "password", "secret-" + username,
				"planId", this.network.planId(), "routerId", this.network.routerId(), "fullName", "Test " + username));
		if (contact != null) {
			input.put(this.contactField, contact);
		}
		return this.admin.documentName("createSubscriber")
			.variable("input", input)
			.execute()
			.path("createSubscriber.subscriber.id")
			.entity(String.class)
			.get();
	}

	/** Records a payment of 25.00 EUR for 30 days. */
	void pay(String id, String idempotencyKey) {
		this.admin.document("""
				mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {
				  expiresOn errors { field code message } } }""")
			.variable("input",
					Map.of("subscriberId", id, "amount", "25.00", "currency", "EUR", "reference", REFERENCE, "days", 30,
							"idempotencyKey", idempotencyKey))
			.execute()
			.path("recordPayment.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** The one payment notice of subscriber {@code id} on the channel. */
	@SuppressWarnings("unchecked")
	Map<String, Object> payment(String id) {
		List<Map<String, Object>> messages = this.admin.document("""
				query($id: ID!, $channel: NotificationChannel) { notifications(subscriberId: $id, channel: $channel,
				  eventType: "lifecycle.payment_recorded", limit: 10) {
				  nodes { id status attempts lastError errorCode } } }""")
			.variable("id", id)
			.variable("channel", this.channel)
			.execute()
			.path("notifications.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

}
