/**
 * What happened in a tenant, told to the features that react to it: the lifecycle's
 * steps, subscriber changes, failed operations, sessions, alerts. A feature publishes a
 * {@link io.towerline.core.event.TenantEvent} inside the transaction that makes the
 * change; notifications, integration webhooks and alerts listen. Publishers never know
 * who listens (ADR 0066).
 */
@NullMarked
package io.towerline.core.event;

import org.jspecify.annotations.NullMarked;
