package io.towerline.mikrotik.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.towerline.mikrotik.BatchResult;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.ppp.PppSecrets;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 2: 1,000 {@code /ppp/secret/add} with the simulator answering each command
 * after 20 ms, one command per round trip against a pipelined batch over one connection
 * (default window of 32 commands in flight).
 */
class PipelinedAddBenchmark {

	private static final int COMMANDS = 1_000;

	@Test
	void measure() {
		try (RouterUnderTest under = RouterUnderTest.start(
				TestRouters.simulator(SimulatorVersion.V7_19).latency(Duration.ofMillis(20)).recordCommands(false),
				TestRouters.settings().commandTimeout(Duration.ofSeconds(30)).build())) {
			PppSecrets secrets = under.client().pppSecrets();
			secrets.count();
			long started = System.nanoTime();
			for (PppSecretSpec spec : specs("seq")) {
				secrets.add(spec);
			}
			double sequential = (System.nanoTime() - started) / 1e6;
			started = System.nanoTime();
			BatchResult<PppSecretSpec> batch = secrets.addAll(specs("pipe"));
			double pipelined = (System.nanoTime() - started) / 1e6;
			if (!batch.allSucceeded() || under.simulator().secretCount() != 2 * COMMANDS) {
				throw new IllegalStateException("batch incomplete: " + batch.failures());
			}
			new BenchmarkReport("pipelined-add", "1,000 /ppp/secret/add with 20 ms router latency per command")
				.line("| mode | total ms | per command ms |")
				.line("|---|---:|---:|")
				.line(String.format("| one command per round trip | %.0f | %.2f |", sequential, sequential / COMMANDS))
				.line(String.format("| pipelined batch, 32 in flight, one connection | %.0f | %.2f |", pipelined,
						pipelined / COMMANDS))
				.line("")
				.line(String.format("Speed-up: %.1fx (goal: at least 10x)", sequential / pipelined))
				.line("")
				.line("Reproduce: `./mvnw -pl mikrotik-adapter -Pbenchmark test -Dtest=PipelinedAddBenchmark`")
				.write();
		}
	}

	private static List<PppSecretSpec> specs(String prefix) {
		List<PppSecretSpec> specs = new ArrayList<>(COMMANDS);
		for (int i = 0; i < COMMANDS; i++) {
			specs.add(PppSecretSpec.pppoe(prefix + i, "pw" + i, "plan-10M").withComment("bulk " + i));
		}
		return specs;
	}

}
