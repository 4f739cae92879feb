/**
 * GraphQL access to notifications: the outbox and its delivery status, templates and
 * previews, opt-outs, staff recipients, the SMS gateway and the embedded mode's caught
 * mail.
 */
@NullMarked
package io.towerline.api.notification;

import org.jspecify.annotations.NullMarked;
