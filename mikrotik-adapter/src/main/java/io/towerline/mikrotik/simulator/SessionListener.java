package io.towerline.mikrotik.simulator;

/**
 * Told of every login and logout on a simulated router (by hand, by background churn, by
 * a kick or a reboot), synchronously right after the change, on the thread that made it:
 * a benchmark takes its timestamp here to measure how long the platform takes to show the
 * change. Keep it quick and never let it call back into the simulator.
 */
@FunctionalInterface
public interface SessionListener {

	/**
	 * @param subscriber the PPP name
	 * @param online true for a login, false for a logout
	 */
	void sessionChanged(String subscriber, boolean online);

}
