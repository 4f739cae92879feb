package io.towerline.api.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.notification.Channel;
import io.towerline.core.notification.EmbeddedMailServer;
import io.towerline.core.notification.EmbeddedMailServer.CaughtMail;
import io.towerline.core.notification.MessageStatus;
import io.towerline.core.notification.NotificationTemplates;
import io.towerline.core.notification.NotificationTemplates.Rendered;
import io.towerline.core.notification.OptOuts;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.Outbox.OutboxFilter;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.notification.SmsGateway;
import io.towerline.core.notification.SmsGateways;
import io.towerline.core.notification.StaffRecipient;
import io.towerline.core.notification.StaffRecipients;
import io.towerline.core.notification.Template;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maps the notification operations; the domain services decide. */
@Controller
class NotificationController {

	private static final int DEFAULT_PAGE = 20;

	private final Outbox outbox;

	private final NotificationTemplates templates;

	private final OptOuts optOuts;

	private final StaffRecipients staff;

	private final SmsGateways gateways;

	private final Subscribers subscribers;

	private final ObjectProvider<EmbeddedMailServer> mailServer;

	NotificationController(Outbox outbox, NotificationTemplates templates, OptOuts optOuts, StaffRecipients staff,
			SmsGateways gateways, Subscribers subscribers, ObjectProvider<EmbeddedMailServer> mailServer) {
		this.outbox = outbox;
		this.templates = templates;
		this.optOuts = optOuts;
		this.staff = staff;
		this.gateways = gateways;
		this.subscribers = subscribers;
		this.mailServer = mailServer;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Page<OutboxMessage> notifications(@Argument @Nullable MessageStatus status, @Argument @Nullable Channel channel,
			@Argument @Nullable UUID subscriberId, @Argument @Nullable String eventType,
			@Argument @Nullable Integer limit, @Argument @Nullable UUID afterId) {
		return new Page<>(this.outbox.list(new OutboxFilter(status, channel, subscriberId, null, eventType), afterId,
				(limit != null) ? limit : DEFAULT_PAGE));
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	OutboxMessage notification(@Argument UUID id) {
		return this.outbox.get(id);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	List<Template> notificationTemplates() {
		return this.templates.list();
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Rendered previewNotification(@Argument String eventType, @Argument @Nullable Channel channel,
			@Argument @Nullable List<TemplateVariableInput> variables) {
		Map<String, String> values = (variables != null)
				? variables.stream()
					.collect(Collectors.toMap(TemplateVariableInput::name, TemplateVariableInput::value, (a, b) -> b))
				: Map.of();
		return this.templates.preview(eventType, (channel != null) ? channel : Channel.EMAIL, values);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	List<StaffRecipient> staffRecipients() {
		return this.staff.list();
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	@Nullable SmsGateway smsGateway() {
		return this.gateways.current().orElse(null);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Page<CaughtMail> caughtMail(@Argument @Nullable Integer limit) {
		EmbeddedMailServer server = this.mailServer.getIfAvailable();
		if (server == null) {
			return new Page<>(List.of());
		}
		List<CaughtMail> all = server.caught(TenantContext.require().slug());
		int size = Math.clamp((limit != null) ? limit : DEFAULT_PAGE, 1, 100);
		return new Page<>(all.subList(Math.max(0, all.size() - size), all.size()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	TemplatePayload setNotificationTemplate(@Argument SetNotificationTemplateInput input) {
		try {
			return new TemplatePayload(this.templates.set(input.eventType(), input.channel(), input.subject(),
					input.body(), (input.enabled() != null) ? input.enabled() : true), List.of());
		}
		catch (InvalidInputException ex) {
			return new TemplatePayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	TemplatePayload resetNotificationTemplate(@Argument ResetNotificationTemplateInput input) {
		return new TemplatePayload(this.templates.reset(input.eventType(), input.channel()), List.of());
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	OptOutPayload setSubscriberOptOut(@Argument SetSubscriberOptOutInput input) {
		Subscriber subscriber = this.subscribers.get(input.subscriberId());
		this.optOuts.set(subscriber.id(), input.channel(), input.optedOut());
		return new OptOutPayload(subscriber, List.of());
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	RecipientPayload addStaffRecipient(@Argument AddStaffRecipientInput input) {
		try {
			return new RecipientPayload(this.staff.add(input.channel(), input.address(), input.events()), List.of());
		}
		catch (InvalidInputException ex) {
			return new RecipientPayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	RecipientPayload removeStaffRecipient(@Argument RemoveStaffRecipientInput input) {
		this.staff.remove(input.id());
		return new RecipientPayload(null, List.of());
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	GatewayPayload setSmsGateway(@Argument SetSmsGatewayInput input) {
		try {
			return new GatewayPayload(this.gateways.set(input.url(), input.bodyTemplate(), input.secret()), List.of());
		}
		catch (InvalidInputException ex) {
			return new GatewayPayload(null, ex.errors());
		}
	}

	@SchemaMapping(typeName = "Subscriber", field = "optedOutOf")
	Set<Channel> optedOutOf(Subscriber subscriber) {
		return this.optOuts.of(subscriber.id());
	}

	@SchemaMapping(typeName = "StaffRecipient", field = "events")
	String events(StaffRecipient recipient) {
		return recipient.filter().toString();
	}

	@SchemaMapping(typeName = "SmsGateway", field = "hasSecret")
	boolean hasSecret(SmsGateway gateway) {
		return gateway.secretReference() != null;
	}

	record Page<T>(List<T> nodes) {

	}

	record TemplateVariableInput(String name, String value) {

	}

	record SetNotificationTemplateInput(String eventType, Channel channel, @Nullable String subject, String body,
			@Nullable Boolean enabled) {

	}

	record ResetNotificationTemplateInput(String eventType, Channel channel) {

	}

	record SetSubscriberOptOutInput(UUID subscriberId, Channel channel, boolean optedOut) {

	}

	record AddStaffRecipientInput(Channel channel, String address, String events) {

	}

	record RemoveStaffRecipientInput(UUID id) {

	}

	record SetSmsGatewayInput(String url, String bodyTemplate, @Nullable String secret) {

		@Override
		public String toString() {
			return "SetSmsGatewayInput[url=" + this.url + ", secret=(hidden)]";
		}

	}

	record TemplatePayload(@Nullable Template template, List<FieldError> errors) {

	}

	record OptOutPayload(@Nullable Subscriber subscriber, List<FieldError> errors) {

	}

	record RecipientPayload(@Nullable StaffRecipient recipient, List<FieldError> errors) {

	}

	record GatewayPayload(@Nullable SmsGateway gateway, List<FieldError> errors) {

	}

}
