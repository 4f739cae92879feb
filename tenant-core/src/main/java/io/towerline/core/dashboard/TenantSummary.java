package io.towerline.core.dashboard;

/**
 * The bound tenant's figures at one moment, counted over every row (never a page).
 *
 * @param driftItemsOpen OPEN items of each router's latest completed drift report
 * @param onlineSessions PPPoE sessions online now
 */
public record TenantSummary(Routers routers, Subscribers subscribers, Operations operations, Alerts alerts,
		long driftItemsOpen, long onlineSessions) {

	/** Routers by health status. */
	public record Routers(long total, long online, long unreachable, long authFailed, long unknown) {

	}

	/**
	 * Subscribers by status; {@code inGrace} are ACTIVE ones past their expiry within the
	 * grace days (served on the grace plan), so they are part of {@code active} too.
	 */
	public record Subscribers(long total, long pending, long active, long inGrace, long suspended, long disabled) {

	}

	/** Operations not finished, and those that gave up. */
	public record Operations(long queued, long running, long waitingForRouter, long failed) {

	}

	/** Alerts not resolved. */
	public record Alerts(long open, long acknowledged) {

	}

}
