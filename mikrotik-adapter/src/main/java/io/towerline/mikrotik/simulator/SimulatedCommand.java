package io.towerline.mikrotik.simulator;

/**
 * One RouterOS command the simulator implements; it ends by sending {@code !done} (or a
 * trap and {@code !done}).
 */
@FunctionalInterface
interface SimulatedCommand {

	/**
	 * @throws InterruptedException when {@code /cancel} interrupts the command; the
	 * session then reports it
	 */
	void run(ApiRequest request, ReplyChannel reply) throws InterruptedException;

}
