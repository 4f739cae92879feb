/**
 * The audit hook: every command sent to a router is reported with its parameters (secrets
 * redacted), outcome and duration, so the platform can keep the tenant's command audit
 * log.
 */
@NullMarked
package io.towerline.mikrotik.audit;

import org.jspecify.annotations.NullMarked;
