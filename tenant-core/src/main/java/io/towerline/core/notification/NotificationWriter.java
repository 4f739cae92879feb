package io.towerline.core.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.notification.NotificationTemplates.Rendered;
import io.towerline.core.subscriber.Contact;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns events into outbox messages before the event's transaction commits, so a message
 * exists exactly when its cause does: subscriber-facing lifecycle events to the
 * subscriber (e-mail, and SMS when the tenant has a gateway), every event to the staff
 * recipients whose filter matches. A subscriber without an address for a channel gets an
 * UNDELIVERABLE message saying so, one who opted out an OPTED_OUT one: nothing is skipped
 * silently.
 */
@Component
class NotificationWriter {

	private final Outbox outbox;

	private final NotificationTemplates templates;

	private final OptOuts optOuts;

	private final StaffRecipients staff;

	private final SmsGateways gateways;

	private final JdbcClient jdbc;

	NotificationWriter(Outbox outbox, NotificationTemplates templates, OptOuts optOuts, StaffRecipients staff,
			SmsGateways gateways, JdbcClient jdbc) {
		this.outbox = outbox;
		this.templates = templates;
		this.optOuts = optOuts;
		this.staff = staff;
		this.gateways = gateways;
		this.jdbc = jdbc;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void write(TenantEvent event) {
		TenantId tenant = event.tenant();
		if (BuiltInTemplates.SUBSCRIBER_EVENTS.contains(event.type())) {
			toSubscriber(tenant, event);
		}
		for (StaffRecipient recipient : PerTransaction.get("staff:" + tenant.slug(), () -> this.staff.of(tenant))) {
			if (recipient.filter().matches(event.type())) {
				queue(tenant, event, recipient.channel(), null, recipient.address(), variables(event, null));
			}
		}
	}

	private void toSubscriber(TenantId tenant, TenantEvent event) {
		UUID subscriberId = UUID.fromString(event.subject());
		Contact contact = contact(tenant, subscriberId).orElse(null);
		if (contact == null) {
			return;
		}
		Set<Channel> optedOut = this.optOuts.of(tenant, subscriberId);
		Map<String, String> variables = variables(event, contact);
		deliverOn(tenant, event, Channel.EMAIL, subscriberId, contact.email(), optedOut, variables,
				"The subscriber has no e-mail address");
		if (PerTransaction.get("sms:" + tenant.slug(), () -> this.gateways.of(tenant)).isPresent()) {
			deliverOn(tenant, event, Channel.SMS, subscriberId, contact.phone(), optedOut, variables,
					"The subscriber has no phone number");
		}
	}

	private void deliverOn(TenantId tenant, TenantEvent event, Channel channel, UUID subscriberId,
			@Nullable String address, Set<Channel> optedOut, Map<String, String> variables, String missing) {
		Template template = template(tenant, event.type(), channel);
		if (!template.enabled()) {
			return;
		}
		if (optedOut.contains(channel)) {
			record(tenant, event, channel, subscriberId, address, template, variables, MessageStatus.OPTED_OUT,
					"The subscriber opted out of " + channel.name().toLowerCase(), null);
		}
		else if (address == null || address.isBlank()) {
			record(tenant, event, channel, subscriberId, null, template, variables, MessageStatus.UNDELIVERABLE,
					missing, DeliveryErrorCode.NO_ADDRESS);
		}
		else {
			record(tenant, event, channel, subscriberId, address, template, variables, MessageStatus.QUEUED, null,
					null);
		}
	}

	private void queue(TenantId tenant, TenantEvent event, Channel channel, @Nullable UUID subscriberId, String address,
			Map<String, String> variables) {
		record(tenant, event, channel, subscriberId, address, template(tenant, event.type(), channel), variables,
				MessageStatus.QUEUED, null, null);
	}

	private void record(TenantId tenant, TenantEvent event, Channel channel, @Nullable UUID subscriberId,
			@Nullable String address, Template template, Map<String, String> variables, MessageStatus status,
			@Nullable String error, @Nullable DeliveryErrorCode code) {
		UUID id = UUID.randomUUID();
		Map<String, String> all = new HashMap<>(variables);
		all.put("messageId", id.toString());
		Rendered message = NotificationTemplates.render(template, all);
		this.outbox.add(tenant, id, channel, event.id(), event.type(), subscriberId, null, address, message.subject(),
				message.body(), status, error, code);
	}

	private Template template(TenantId tenant, String type, Channel channel) {
		return PerTransaction.get("template:" + tenant.slug() + ":" + type + ":" + channel,
				() -> this.templates.get(tenant, type, channel));
	}

	private static Map<String, String> variables(TenantEvent event, @Nullable Contact contact) {
		Map<String, String> variables = new HashMap<>(event.data());
		variables.put("type", event.type());
		variables.put("subject", event.subject());
		variables.put("tenant", event.tenant().slug());
		variables.put("occurredAt", event.occurredAt().toString());
		if (contact != null && contact.fullName() != null) {
			variables.put("name", contact.fullName());
		}
		return variables;
	}

	private Optional<Contact> contact(TenantId tenant, UUID subscriberId) {
		return this.jdbc
			.sql("SELECT full_name, email, phone, service_address FROM " + tenant.schemaName()
					+ ".subscriber WHERE id = ?")
			.param(subscriberId)
			.query((row, n) -> new Contact(row.getString("full_name"), row.getString("email"), row.getString("phone"),
					row.getString("service_address")))
			.optional();
	}

}
