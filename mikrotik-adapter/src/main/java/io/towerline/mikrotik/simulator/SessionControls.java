package io.towerline.mikrotik.simulator;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a test does to the router's subscribers: dial them in and out, move their
 * counters, and watch who is online. Nothing connects or moves while the router is down.
 */
final class SessionControls {

	private final SimulatedRouter router;

	private final BooleanSupplier up;

	SessionControls(SimulatedRouter router, BooleanSupplier up) {
		this.router = router;
		this.up = up;
	}

	boolean connect(String name) {
		return this.up.getAsBoolean() && this.router.connect(RawText.fromText(name)) != null;
	}

	boolean disconnect(String name) {
		return this.router.sessions().disconnect(RawText.fromText(name), "peer-request");
	}

	void addListener(SessionListener listener) {
		this.router.sessions().addListener((name, online) -> listener.sessionChanged(RawText.toText(name), online));
	}

	int onlineCount() {
		return this.router.sessions().onlineCount();
	}

	List<String> onlineSubscribers() {
		return this.router.sessions().onlineNames().stream().map(RawText::toText).toList();
	}

	boolean addTraffic(String name, long rxBytes, long txBytes, long rxPackets, long txPackets) {
		return this.up.getAsBoolean()
				&& this.router.sessions().addTraffic(RawText.fromText(name), rxBytes, txBytes, rxPackets, txPackets);
	}

	Optional<TrafficCounters> interfaceCounters(String name) {
		OnlineSession session = this.router.sessions().session(RawText.fromText(name));
		return Optional.ofNullable(session)
			.map((online) -> online.meter().counters().wrapped(this.router.counterBits()));
	}

	TrafficCounters totalTraffic(String name) {
		return this.router.sessions().totalTraffic(RawText.fromText(name));
	}

}
