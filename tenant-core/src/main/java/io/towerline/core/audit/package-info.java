/**
 * The audit trails. The command audit log: every command sent to a tenant's routers, with
 * who asked, parameters (secrets redacted by the adapter), outcome, RouterOS error and
 * duration, queryable with filters and kept for a configurable time. The security event
 * log: sign-ins, identity changes and tenant status changes, kept in {@code public} and
 * readable by platform admins (all of it) and tenant admins (their own tenant's events).
 * Entries never hold a password, secret or token.
 */
@NullMarked
package io.towerline.core.audit;

import org.jspecify.annotations.NullMarked;
