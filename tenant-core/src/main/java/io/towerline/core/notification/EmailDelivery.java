package io.towerline.core.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.towerline.core.tenancy.TenantId;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over one SMTP connection per batch. The Message-ID is the outbox id
 * ({@code <id@towerline>}; Spring's sender keeps an explicit Message-ID), so a message
 * sent again after a crash is recognisably the same message.
 */
@Component
class EmailDelivery implements ChannelDelivery {

	private final JavaMailSender sender;

	private final String from;

	EmailDelivery(JavaMailSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.from = properties.mailFrom();
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public Map<UUID, Refusal> deliver(TenantId tenant, List<OutboxMessage> messages) {
		Map<UUID, Refusal> refused = new HashMap<>();
		Map<MimeMessage, UUID> ids = new IdentityHashMap<>();
		for (OutboxMessage message : messages) {
			try {
				ids.put(mime(tenant, message), message.id());
			}
			catch (MessagingException | RuntimeException ex) {
				refused.put(message.id(), Refusal.passing("The message could not be built: " + ex.getMessage()));
			}
		}
		if (ids.isEmpty()) {
			return refused;
		}
		try {
			this.sender.send(ids.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			Map<Object, Exception> failed = ex.getFailedMessages();
			if (failed.isEmpty()) {
				ids.values().forEach((id) -> refused.put(id, Refusal.passing(describe(ex))));
			}
			failed.forEach((message, cause) -> refused.put(Objects.requireNonNull(ids.get(message)),
					Refusal.passing(describe(cause))));
		}
		catch (MailException ex) {
			ids.values().forEach((id) -> refused.put(id, Refusal.passing(describe(ex))));
		}
		return refused;
	}

	private MimeMessage mime(TenantId tenant, OutboxMessage message) throws MessagingException {
		MimeMessage mime = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		helper.setTo(Objects.requireNonNull(message.recipient()));
		helper.setSubject(Objects.requireNonNullElse(message.subject(), message.eventType()));
		helper.setText(message.body());
		mime.setHeader("Message-ID", "<" + message.id() + "@towerline>");
		mime.setHeader(EmbeddedMailServer.TENANT_HEADER, tenant.slug());
		mime.setHeader("X-Towerline-Event", message.eventType());
		return mime;
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text = ex.getMessage();
		return (cause != ex) ? text + " (" + cause.getMessage() + ")" : String.valueOf(text);
	}

}
