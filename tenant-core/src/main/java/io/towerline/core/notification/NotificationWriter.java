package io.towerline.core.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.event.BeforeCommit;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.notification.NotificationTemplates.Rendered;
import io.towerline.core.subscriber.Contact;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns events into outbox messages before the event's transaction commits (all of a
 * transaction's events together), so a message exists exactly when its cause does:
 * subscriber-facing lifecycle events to the subscriber (e-mail, and SMS when the tenant
 * has a gateway), every event to the staff recipients whose filter matches. A subscriber
 * without an address for a channel gets an UNDELIVERABLE message saying so, one who opted
 * out an OPTED_OUT one: nothing is skipped silently.
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

	/**
	 * Gathers the event when it is published; the transaction's events are turned into
	 * messages together before it commits (contacts and opt-outs read once for all, the
	 * messages added in one statement).
	 */
	@EventListener
	void write(TenantEvent event) {
		TenantId tenant = event.tenant();
		BeforeCommit.add("notifications:" + tenant.slug(), event, (events) -> writeAll(tenant, events));
	}

	private void writeAll(TenantId tenant, List<TenantEvent> events) {
		Set<UUID> subscriberIds = new HashSet<>();
		events.stream()
			.filter((event) -> BuiltInTemplates.SUBSCRIBER_EVENTS.contains(event.type()))
			.forEach((event) -> subscriberIds.add(UUID.fromString(event.subject())));
		Map<UUID, Contact> contacts = contacts(tenant, subscriberIds);
		Map<UUID, Set<Channel>> optedOut = this.optOuts.of(tenant, subscriberIds);
		List<NewMessage> messages = new ArrayList<>();
		for (TenantEvent event : events) {
			if (BuiltInTemplates.SUBSCRIBER_EVENTS.contains(event.type())) {
				UUID subscriberId = UUID.fromString(event.subject());
				Contact contact = contacts.get(subscriberId);
				if (contact != null) {
					toSubscriber(tenant, event, subscriberId, contact, optedOut.getOrDefault(subscriberId, Set.of()),
							messages);
				}
			}
			for (StaffRecipient recipient : PerTransaction.get("staff:" + tenant.slug(), () -> this.staff.of(tenant))) {
				if (recipient.filter().matches(event.type())) {
					messages.add(message(event, recipient.channel(), null, recipient.address(),
							template(tenant, event.type(), recipient.channel()), variables(event, null),
							MessageStatus.QUEUED, null, null));
				}
			}
		}
		this.outbox.addAll(tenant, messages);
	}

	private void toSubscriber(TenantId tenant, TenantEvent event, UUID subscriberId, Contact contact,
			Set<Channel> optedOut, List<NewMessage> messages) {
		Map<String, String> variables = variables(event, contact);
		deliverOn(tenant, event, Channel.EMAIL, subscriberId, contact.email(), optedOut, variables,
				"The subscriber has no e-mail address", messages);
		if (PerTransaction.get("sms:" + tenant.slug(), () -> this.gateways.of(tenant)).isPresent()) {
			deliverOn(tenant, event, Channel.SMS, subscriberId, contact.phone(), optedOut, variables,
					"The subscriber has no phone number", messages);
		}
	}

	private void deliverOn(TenantId tenant, TenantEvent event, Channel channel, UUID subscriberId,
			@Nullable String address, Set<Channel> optedOut, Map<String, String> variables, String missing,
			List<NewMessage> messages) {
		Template template = template(tenant, event.type(), channel);
		if (!template.enabled()) {
			return;
		}
		if (optedOut.contains(channel)) {
			messages.add(message(event, channel, subscriberId, address, template, variables, MessageStatus.OPTED_OUT,
					"The subscriber opted out of " + channel.name().toLowerCase(), null));
		}
		else if (address == null || address.isBlank()) {
			messages.add(message(event, channel, subscriberId, null, template, variables, MessageStatus.UNDELIVERABLE,
					missing, DeliveryErrorCode.NO_ADDRESS));
		}
		else {
			messages.add(message(event, channel, subscriberId, address, template, variables, MessageStatus.QUEUED, null,
					null));
		}
	}

	private static NewMessage message(TenantEvent event, Channel channel, @Nullable UUID subscriberId,
			@Nullable String address, Template template, Map<String, String> variables, MessageStatus status,
			@Nullable String error, @Nullable DeliveryErrorCode code) {
		UUID id = UUID.randomUUID();
		Map<String, String> all = new HashMap<>(variables);
		all.put("messageId", id.toString());
		Rendered message = NotificationTemplates.render(template, all);
		return new NewMessage(id, channel, event.id(), event.type(), subscriberId, null, address, message.subject(),
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

	private Map<UUID, Contact> contacts(TenantId tenant, Set<UUID> subscriberIds) {
		if (subscriberIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Contact> contacts = new HashMap<>();
		this.jdbc
			.sql("SELECT id, full_name, email, phone, service_address FROM " + tenant.schemaName()
					+ ".subscriber WHERE id = ANY(CAST(CAST(:ids AS text[]) AS uuid[]))")
			.param("ids", subscriberIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((row, n) -> contacts.put(row.getObject("id", UUID.class),
					new Contact(row.getString("full_name"), row.getString("email"), row.getString("phone"),
							row.getString("service_address"))))
			.list();
		return contacts;
	}

}
