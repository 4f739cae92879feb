package io.towerline.core.alert;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asks a rule to be (created or replaced as a whole).
 *
 * @param type what it watches (fixed once created)
 * @param name unique in the tenant, 1–100 characters
 * @param severity how urgent its alerts are
 * @param enabled whether it is evaluated
 * @param routerId only this router, or all when {@code null}
 * @param threshold percentage (1–100) for the types that need one
 * @param forDuration how long the condition must hold before an alert opens (0–7 days)
 * @param clearDuration how long it must stay away before the alert resolves (0–7 days)
 * @param window the window of SESSIONS_DROPPED (1 minute – 1 day)
 * @param minimumVersion the lowest acceptable RouterOS version of ROUTEROS_OUTDATED, e.g.
 * {@code 7.12}
 * @param notifyOnResolve whether the resolution is notified too
 */
public record AlertRuleDraft(AlertRuleType type, String name, AlertSeverity severity, boolean enabled,
		@Nullable UUID routerId, @Nullable Integer threshold, Duration forDuration, Duration clearDuration,
		@Nullable Duration window, @Nullable String minimumVersion, boolean notifyOnResolve) {

}
