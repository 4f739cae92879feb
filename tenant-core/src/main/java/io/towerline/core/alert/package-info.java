/**
 * Alerts and self-healing: per-tenant alert rules evaluated once per cluster by one
 * sweep, alerts that open, are acknowledged and resolve themselves (one per rule and
 * object, damped against flapping), platform-wide alerts for the platform's admins, and
 * the platform's own repairs when a router comes back, reboots or leaves work stuck.
 */
@NullMarked
package io.towerline.core.alert;

import org.jspecify.annotations.NullMarked;
