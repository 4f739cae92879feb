/**
 * Integration webhooks: endpoints subscribe to tenant events with a filter; each matching
 * event becomes a signed delivery in the notification outbox (same transaction, same
 * retries), with a delivery log and replay.
 */
@NullMarked
package io.towerline.core.webhook;

import org.jspecify.annotations.NullMarked;
