package io.towerline.core.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code towerline.notification.*}. The SMTP relay itself is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} an in-process SMTP server
 * catches the mail (the embedded default).
 *
 * @param sendInterval how often the outbox is looked at (once per cluster)
 * @param batchSize messages per transaction of the sender
 * @param initialBackoff wait after the first refusal, doubled per refusal
 * @param maxBackoff longest wait between attempts
 * @param maxAttempts attempts before a message is FAILED
 * @param mailFrom the sender address of e-mail
 * @param embeddedMailPort port of the in-process SMTP server on loopback (0: any free)
 * @param requestTimeout timeout of an SMS gateway or webhook request
 */
@ConfigurationProperties("towerline.notification")
public record NotificationProperties(@DefaultValue("5s") Duration sendInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("10") int maxAttempts, @DefaultValue("towerline@localhost") String mailFrom,
		@DefaultValue("0") int embeddedMailPort, @DefaultValue("10s") Duration requestTimeout) {

}
