package io.towerline.core.notification;

import org.jspecify.annotations.Nullable;

/**
 * The tenant's HTTP SMS gateway: each message is a POST of {@code bodyTemplate} (with
 * {@code {{to}}}, {@code {{text}}} and {@code {{messageId}}} filled in, JSON-escaped when
 * the template is JSON) to {@code url}, with the sealed secret as a bearer token and the
 * message id as {@code Idempotency-Key}.
 *
 * @param url where to POST
 * @param bodyTemplate the request body
 * @param secretReference the sealed secret's reference, if the gateway needs one
 */
public record SmsGateway(String url, String bodyTemplate, @Nullable String secretReference) {

}
