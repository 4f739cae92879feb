package io.towerline.core.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail from the platform itself (no tenant, so no tenant outbox): the same relay and
 * sender address as the tenants' mail. The caller keeps the delivery state; a message
 * sent again carries the same Message-ID, so a receiver can tell it is the same one.
 */
@Component
public class PlatformMail {

	/** The value of the embedded server's tenant header on the platform's own mail. */
	public static final String PLATFORM = "(platform)";

	private final JavaMailSender sender;

	private final String from;

	PlatformMail(JavaMailSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.from = properties.mailFrom();
	}

	/**
	 * Sends one message to every recipient.
	 * @param messageId unique per message ({@code <messageId@towerline>})
	 * @return why the relay refused it, or nothing when it was sent
	 */
	public Optional<String> send(String messageId, List<String> recipients, String subject, String body) {
		try {
			MimeMessage mime = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(recipients.toArray(String[]::new));
			helper.setSubject(subject);
			helper.setText(body);
			mime.setHeader("Message-ID", "<" + messageId + "@towerline>");
			mime.setHeader(EmbeddedMailServer.TENANT_HEADER, PLATFORM);
			this.sender.send(mime);
			return Optional.empty();
		}
		catch (MessagingException | MailException ex) {
			return Optional.of(String.valueOf(ex.getMessage()));
		}
	}

}
