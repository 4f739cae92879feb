package io.towerline.core.notification;

import java.util.Map;
import java.util.Set;

import io.towerline.core.lifecycle.LifecycleEvents;
import org.jspecify.annotations.Nullable;

/**
 * The platform's texts, used until a tenant sets its own. Subscriber-facing events have
 * an e-mail and an SMS text; every other event (sent to staff recipients) has a generic
 * one.
 */
final class BuiltInTemplates {

	/** The events that are told to the subscriber they are about. */
	static final Set<String> SUBSCRIBER_EVENTS = Set.of(LifecycleEvents.NOTICE_DUE, LifecycleEvents.GRACE_STARTED,
			LifecycleEvents.SUSPENDED, LifecycleEvents.RESTORED, LifecycleEvents.PAYMENT_RECORDED);

	private static final String SIGNATURE = "\n\n-- \nThis message was sent automatically; message id {{messageId}}.";

	private static final Map<String, String[]> EMAIL = Map.of(LifecycleEvents.NOTICE_DUE,
			new String[] { "Your subscription ends on {{expiresOn}}",
					"Dear {{name}},\n\nyour {{plan}} subscription ends in {{daysLeft}}, on {{expiresOn}}."
							+ " Please renew it to stay connected." },
			LifecycleEvents.GRACE_STARTED,
			new String[] { "Your subscription has ended: reduced speed until {{graceEndsOn}}",
					"Dear {{name}},\n\nyour subscription ended on {{expiresOn}}. You stay connected at reduced speed"
							+ " until {{graceEndsOn}}; after that the service is suspended." },
			LifecycleEvents.SUSPENDED,
			new String[] { "Your service is suspended",
					"Dear {{name}},\n\nyour subscription ended on {{expiresOn}} and the service is now suspended."
							+ " It is restored as soon as the subscription is renewed." },
			LifecycleEvents.RESTORED,
			new String[] { "Your service is restored",
					"Dear {{name}},\n\nthank you: your service is restored. The subscription runs until {{expiresOn}}." },
			LifecycleEvents.PAYMENT_RECORDED,
			new String[] { "Payment received",
					"Dear {{name}},\n\nwe received your payment of {{amount}} {{currency}} ({{reference}})."
							+ " The subscription runs until {{expiresOn}}." });

	private static final Map<String, String> SMS = Map.of(LifecycleEvents.NOTICE_DUE,
			"Your subscription ends on {{expiresOn}} (in {{daysLeft}}). Please renew.", LifecycleEvents.GRACE_STARTED,
			"Your subscription ended. Reduced speed until {{graceEndsOn}}.", LifecycleEvents.SUSPENDED,
			"Your service is suspended until the subscription is renewed.", LifecycleEvents.RESTORED,
			"Your service is restored until {{expiresOn}}.", LifecycleEvents.PAYMENT_RECORDED,
			"Payment of {{amount}} {{currency}} received. Service until {{expiresOn}}.");

	private BuiltInTemplates() {
	}

	static Template of(String eventType, Channel channel) {
		if (SUBSCRIBER_EVENTS.contains(eventType)) {
			if (channel == Channel.EMAIL) {
				String[] text = EMAIL.get(eventType);
				return new Template(eventType, channel, text[0], text[1] + SIGNATURE, true, true);
			}
			if (channel == Channel.SMS) {
				return new Template(eventType, channel, null, SMS.get(eventType), true, true);
			}
		}
		@Nullable String subject = (channel == Channel.EMAIL) ? "[Towerline] {{type}}: {{summary}}" : null;
		return new Template(eventType, channel, subject,
				"{{type}} in {{tenant}} at {{occurredAt}}\n{{summary}}\nSubject: {{subject}}", true, true);
	}

}
