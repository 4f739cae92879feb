/**
 * The command audit log: every command sent to a tenant's routers, with who asked,
 * parameters (secrets redacted by the adapter), outcome, RouterOS error and duration.
 * Queryable with filters; kept for a configurable time.
 */
@NullMarked
package io.towerline.core.audit;

import org.jspecify.annotations.NullMarked;
