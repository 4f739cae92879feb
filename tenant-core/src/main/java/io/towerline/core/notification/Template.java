package io.towerline.core.notification;

import org.jspecify.annotations.Nullable;

/**
 * The text of an event on a channel, with {@code {{variable}}} placeholders.
 *
 * @param eventType the event, e.g. {@code lifecycle.notice_due}
 * @param channel the channel
 * @param subject the subject (e-mail only)
 * @param body the text
 * @param enabled whether messages are sent for the event on the channel
 * @param builtIn whether this is the platform's text (the tenant has not set its own)
 */
public record Template(String eventType, Channel channel, @Nullable String subject, String body, boolean enabled,
		boolean builtIn) {

}
