/**
 * The audit hook: every command sent to a router is reported before it is sent (so that
 * it is on record even if the process dies before the answer) and again with its outcome
 * and duration, parameters always redacted, so the platform can keep the tenant's command
 * audit log.
 */
@NullMarked
package io.towerline.mikrotik.audit;

import org.jspecify.annotations.NullMarked;
