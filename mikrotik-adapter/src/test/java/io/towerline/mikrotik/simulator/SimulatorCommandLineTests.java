package io.towerline.mikrotik.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line's options reach the routers it starts, and its console commands act on
 * them.
 */
class SimulatorCommandLineTests {

	@Test
	void shouldSeedSessionsOnlineAndApplyEveryOption() {
		SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--routers", "3", "--version", "6.49",
				"--secrets", "40", "--online", "25%", "--churn", "0.05", "--traffic", "off", "--counter-bits", "64",
				"--seed", "9", "--reboot-delay", "0", "--tick", "500ms", "--reboot-every", "6h");
		assertThat(options.rebootEvery()).isEqualTo(Duration.ofHours(6));
		try (SimulatorFleet fleet = SimulatorFleet.start(options.routers(), options.port(),
				(router) -> options.configure(router, true))) {
			assertThat(fleet.size()).isEqualTo(3);
			for (RouterOsSimulator simulator : fleet.simulators()) {
				assertThat(simulator.version()).isEqualTo(SimulatorVersion.V6_49);
				assertThat(simulator.secretCount()).isEqualTo(40);
				assertThat(simulator.onlineCount()).isBetween(8, 12);
				assertThat(simulator.counterBits()).isEqualTo(64);
			}
			assertThat(fleet.get(1).identity()).isEqualTo("sim-0002");
		}
	}

	@Test
	void shouldDefaultToALivingRouter() {
		SimulatorOptions options = SimulatorOptions.parse("--port", "0");
		try (SimulatorFleet fleet = SimulatorFleet.start(1, 0, (router) -> options.configure(router, false))) {
			RouterOsSimulator simulator = fleet.get(0);
			assertThat(simulator.identity()).isEqualTo("MikroTik");
			assertThat(simulator.secretCount()).isEqualTo(100);
			assertThat(simulator.onlineCount()).as("--online 0.3 of 100").isEqualTo(30);
			assertThat(simulator.counterBits()).isEqualTo(64);
		}
	}

	@Test
	void shouldRejectWrongOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse("--online", "1.5"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse("--counter-bits", "16"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse("--traffic", "hourly"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse("--reboot-every", "soon"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse("--churn"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse("--frobnicate", "1"));
		assertThat(SimulatorOptions.USAGE).contains("--online", "--churn", "--traffic", "--counter-bits", "--seed",
				"--reboot-every", "--reboot-delay", "reboot [N]");
	}

	@Test
	void shouldRunConsoleCommands() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try (SimulatorFleet fleet = SimulatorFleet.start(2,
				(router) -> router.secrets(5).onlineShare(0).version(SimulatorVersion.V6_49))) {
			SimulatorConsole console = new SimulatorConsole(fleet,
					new PrintStream(printed, true, StandardCharsets.UTF_8));
			assertThat(console.run("connect sub00002")).isTrue();
			console.run("traffic sub00002 100 2000");
			assertThat(fleet.get(0).interfaceCounters("sub00002")).contains(new TrafficCounters(100, 2000, 0, 0));
			console.run("connect sub00003");
			console.run("disconnect sub00003");
			console.run("reboot 1");
			assertThat(fleet.get(0).onlineSubscribers()).isEmpty();
			assertThat(fleet.get(0).uptime()).isLessThan(Duration.ofMinutes(1));
			assertThat(fleet.get(1).uptime()).as("only router 1").isGreaterThan(Duration.ofDays(1));
			console.run("connect sub00004 2");
			assertThat(fleet.get(1).onlineSubscribers()).as("router 2").containsExactly("sub00004");
			console.run("traffic sub00004 10 20 2");
			assertThat(fleet.get(1).interfaceCounters("sub00004")).contains(new TrafficCounters(10, 20, 0, 0));
			console.run("online");
			console.run("disconnect sub00004 2");
			assertThat(fleet.get(1).onlineSubscribers()).isEmpty();
			console.run("status");
			console.run("traffic sub00002");
			assertThat(console.run("quit")).isFalse();
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("online", "counted", "offline", "rebooting",
				"sim-0001 port", "? missing argument");
	}

}
