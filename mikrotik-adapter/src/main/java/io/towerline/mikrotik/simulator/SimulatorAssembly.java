package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;

/**
 * Builds a running simulator from its settings: the router's state seeded with its
 * secrets, the background churn and traffic when asked for, and the listening port. Kept
 * apart from {@link RouterOsSimulator}, which is the simulator's test API only.
 */
final class SimulatorAssembly {

	private SimulatorAssembly() {
	}

	static RouterOsSimulator start(SimulatorSettings settings) {
		if (settings.onlineShare < 0 || settings.onlineShare > 1) {
			throw new IllegalArgumentException("the online share is between 0 and 1, not " + settings.onlineShare);
		}
		try {
			ListeningPort.Opener opener = ListeningPort.Opener.on(settings.address, settings.tls);
			Random random = new Random(settings.seed + settings.seedOffset * 0x9E3779B97F4A7C15L);
			boolean background = settings.churnPerHour > 0 || settings.dailyTraffic;
			int bits = (settings.counterBits != null) ? settings.counterBits : settings.version.counterBits();
			SimulatedRouter router = new SimulatedRouter(new RouterSettings(settings.version, settings.identity,
					settings.monitorInterval, bits, settings.clock), settings.dailyTraffic ? random : null);
			router.seedSecrets(settings.secrets, settings.onlineShare);
			Map<String, String> logins = settings.users.isEmpty() ? Map.of("admin", "") : settings.users;
			BackgroundActivity activity = background ? new BackgroundActivity(router, random, settings.churnPerHour,
					settings.onlineShare, settings.dailyTraffic, settings.tick) : null;
			ScheduledFuture<?> tick = (activity != null) ? SimulatorTicker.every(settings.tick, activity) : null;
			try {
				RouterOsSimulator simulator = new RouterOsSimulator(opener, settings.port, router,
						new SimulatorLogin(logins, settings.legacyLogin), settings.record, settings.rebootDelay,
						activity, tick, settings.address,
						(settings.ftp != null) ? settings.ftp : !settings.version.chunkedFileRead());
				simulator.faults().latency(settings.latency);
				return simulator;
			}
			catch (IOException ex) {
				if (tick != null) {
					SimulatorTicker.stop(tick);
				}
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot listen on port " + settings.port, ex);
		}
	}

}
