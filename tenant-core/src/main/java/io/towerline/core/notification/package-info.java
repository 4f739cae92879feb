/**
 * Notifications: every message (a notice to a subscriber, an event to tenant staff, a
 * signed webhook to an integration) is written to the tenant's outbox in the transaction
 * of the event that causes it, then delivered with retries by one sender per cluster. The
 * outbox row's id is the message id a receiver de-duplicates on.
 */
@NullMarked
package io.towerline.core.notification;

import org.jspecify.annotations.NullMarked;
