package io.towerline.core.alert;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert sweep and self-healing settings.
 *
 * @param interval time between alert sweeps, which also record the health history
 * ({@code 1m}; one minute sample per sweep)
 * @param problematicVersions RouterOS versions the platform knows to be problematic
 * (ROUTEROS_OUTDATED alerts name them), e.g. {@code 7.13}; a listed version matches
 * itself and its patch releases ({@code 7.13} matches {@code 7.13.2})
 * @param failedOperationsPerSweep most FAILED operations given an alert per tenant and
 * sweep (newest first)
 * @param stuckAfter an operation RUNNING this long without a change and without a job is
 * scheduled again ({@code 15m})
 * @param selfHealingConcurrency drift checks after a router came back or rebooted run at
 * once, this many at a time
 * @param platformTenants platform alert: at least this many tenants must have most of
 * their routers unreachable at once ({@code 3})
 * @param platformBacklog platform alert: more jobs than this overdue by five minutes and
 * not picked means the scheduler is behind ({@code 1000})
 * @param platformHold platform alerts open after their condition held this long, and
 * resolve after it stayed away this long ({@code 5m})
 * @param sessionsDroppedMinimum SESSIONS_DROPPED judges only routers that had at least
 * this many sessions online before the drop ({@code 10}): two subscribers of three going
 * home is not an outage
 * @param platformAlertRecipients addresses told of platform alerts besides the platform
 * admins' own (e.g. an on-call list, or when the admins sign in through an external
 * identity provider)
 */
@ConfigurationProperties("towerline.alerts")
record AlertProperties(Duration interval, List<String> problematicVersions, int failedOperationsPerSweep,
		Duration stuckAfter, int selfHealingConcurrency, int platformTenants, int platformBacklog,
		Duration platformHold, int sessionsDroppedMinimum, List<String> platformAlertRecipients) {

	public AlertProperties {
		if (interval == null) {
			interval = Duration.ofMinutes(1);
		}
		problematicVersions = (problematicVersions != null) ? List.copyOf(problematicVersions) : List.of();
		if (failedOperationsPerSweep < 1) {
			failedOperationsPerSweep = 500;
		}
		if (stuckAfter == null) {
			stuckAfter = Duration.ofMinutes(15);
		}
		if (selfHealingConcurrency < 1) {
			selfHealingConcurrency = 4;
		}
		if (platformTenants < 1) {
			platformTenants = 3;
		}
		if (platformBacklog < 1) {
			platformBacklog = 1000;
		}
		if (platformHold == null) {
			platformHold = Duration.ofMinutes(5);
		}
		platformAlertRecipients = (platformAlertRecipients != null) ? List.copyOf(platformAlertRecipients) : List.of();
		if (sessionsDroppedMinimum < 1) {
			sessionsDroppedMinimum = 10;
		}
	}

}
