package io.towerline.core.notification;

import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail for the embedded default: without {@code spring.mail.host} (production sets it and
 * Spring Boot's own mail sender is used), an in-process SMTP server catches the mail and
 * the mail sender points at it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class MailConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoMailRelay.class)
	static class EmbeddedMail {

		@Bean(destroyMethod = "release")
		EmbeddedMailServer embeddedMailServer(NotificationProperties properties) {
			if (properties.embeddedMailPort() == 0) {
				return EmbeddedMailServer.onAnyPort();
			}
			EmbeddedMailServer server = new EmbeddedMailServer(properties.embeddedMailPort());
			server.start();
			return server;
		}

		@Bean
		JavaMailSender embeddedMailSender(EmbeddedMailServer server) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(server.port());
			Properties properties = new Properties();
			properties.put("mail.smtp.connectiontimeout", "5000");
			properties.put("mail.smtp.timeout", "10000");
			properties.put("mail.smtp.writetimeout", "10000");
			sender.setJavaMailProperties(properties);
			return sender;
		}

	}

	static class NoMailRelay implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String host = context.getEnvironment().getProperty("spring.mail.host");
			return host == null || host.isBlank();
		}

	}

}
