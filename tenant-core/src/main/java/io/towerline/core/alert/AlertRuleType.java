package io.towerline.core.alert;

/**
 * What an alert rule watches. The object of a rule's alerts is a router, except for
 * OPERATION_FAILED (an operation).
 */
public enum AlertRuleType {

	/** The router has not answered for the rule's duration. */
	ROUTER_UNREACHABLE(false),

	/** The router answers but refuses its stored credentials for the rule's duration. */
	ROUTER_LOGIN_FAILING(false),

	/** CPU load above {@code threshold} percent for the rule's duration. */
	CPU_HIGH(true),

	/** Free memory below {@code threshold} percent for the rule's duration. */
	MEMORY_LOW(true),

	/** The router's uptime went back; stays open for the rule's clear duration. */
	ROUTER_REBOOTED(false),

	/**
	 * RouterOS older than the rule's minimum version, or a version the platform knows to
	 * be problematic ({@code towerline.alerts.problematic-versions}).
	 */
	ROUTEROS_OUTDATED(false),

	/** An operation used up its attempts (FAILED): escalation to a person. */
	OPERATION_FAILED(false),

	/** A drift check found differences that are still open after the rule's duration. */
	DRIFT_NOT_REPAIRED(false),

	/**
	 * The router's last backup failed (from the backups feature's {@code backup.failed}
	 * event).
	 */
	BACKUP_FAILED(false),

	/**
	 * Online sessions on the router dropped by more than {@code threshold} percent below
	 * their peak within the rule's window (counts from the sessions feature, sampled
	 * every sweep); resolves once they are back above that share of the peak before the
	 * drop.
	 */
	SESSIONS_DROPPED(true);

	private final boolean needsThreshold;

	AlertRuleType(boolean needsThreshold) {
		this.needsThreshold = needsThreshold;
	}

	/** Whether rules of this type must say a percentage. */
	boolean needsThreshold() {
		return this.needsThreshold;
	}

}
