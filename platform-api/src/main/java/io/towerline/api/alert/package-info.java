/**
 * The GraphQL face of alerts: alerts with filters and counts, acknowledgement, rules,
 * bulk retry of FAILED operations, platform alerts, and the {@code alertRaised}
 * subscription.
 */
@NullMarked
package io.towerline.api.alert;

import org.jspecify.annotations.NullMarked;
