package io.towerline.mikrotik.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorFleet;
import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceReader;
import io.towerline.mikrotik.wire.SentenceWriter;
import org.junit.jupiter.api.Test;

/**
 * Benchmark: what the simulator fleet itself costs, so that the fleet benchmark of the
 * live network (1,000 routers x 200 sessions in one JVM) knows how much of its CPU and
 * heap is the simulated side. Heap after GC, platform threads, CPU of the whole process
 * while churn (5 % an hour) and daily traffic tick every second, and the heap of one idle
 * logged-in API connection per router.
 */
class SimulatorFleetBenchmark {

	private static final int ROUTERS = Integer.getInteger("fleet.routers", 1_000);

	private static final int SECRETS = 250;

	private static final double ONLINE = 0.8;

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("fleet.seconds", 60));

	@Test
	void measure() throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long heapBefore = settledHeap(memory);
		int threadsBefore = threads.getThreadCount();
		long started = System.nanoTime();
		try (SimulatorFleet fleet = SimulatorFleet.start(ROUTERS,
				(router) -> router.secrets(SECRETS).onlineShare(ONLINE).churn(0.05).traffic(true).seed(1))) {
			double startSeconds = (System.nanoTime() - started) / 1e9;
			int sessions = fleet.onlineSessions();
			long heapStarted = settledHeap(memory);
			int threadsStarted = threads.getThreadCount();

			long cpuBefore = os.getProcessCpuTime();
			long wallBefore = System.nanoTime();
			long trafficBefore = totalDownload(fleet);
			Thread.sleep(MEASURE);
			double cpuShare = (os.getProcessCpuTime() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
			long moved = totalDownload(fleet) - trafficBefore;
			int sessionsAfter = fleet.onlineSessions();

			List<Socket> connections = new ArrayList<>();
			long heapIdle = settledHeap(memory);
			for (RouterOsSimulator simulator : fleet.simulators()) {
				connections.add(login(simulator.port()));
			}
			long heapConnected = settledHeap(memory);
			int threadsConnected = threads.getThreadCount();
			for (Socket connection : connections) {
				connection.close();
			}

			new BenchmarkReport("simulator-fleet", "Simulator fleet: " + ROUTERS + " routers in one JVM")
				.line("| measure | value |")
				.line("|---|---:|")
				.line("| routers x secrets (online share) | " + ROUTERS + " x " + SECRETS + " (" + ONLINE + ") |")
				.line("| sessions online at start / after " + MEASURE.toSeconds() + " s | " + sessions + " / "
						+ sessionsAfter + " |")
				.line(String.format("| start time (seeding included) | %.1f s |", startSeconds))
				.line(String.format("| heap after GC, whole fleet | %.0f MiB |",
						(heapStarted - heapBefore) / 1048576.0))
				.line(String.format("| heap per online session (fleet heap / sessions, secrets included) | %.2f KiB |",
						(heapStarted - heapBefore) / 1024.0 / sessions))
				.line("| platform threads before / with fleet / with " + ROUTERS + " connections | " + threadsBefore
						+ " / " + threadsStarted + " / " + threadsConnected + " |")
				.line(String.format("| CPU with churn 5 %%/h and daily traffic, 1 s ticks | %.1f %% of one core |",
						cpuShare * 100))
				.line(String.format("| download moved in %d s (fleet, simulated) | %.1f GB |", MEASURE.toSeconds(),
						moved / 1e9))
				.line(String.format("| heap per idle logged-in API connection (server side) | %.1f KiB |",
						(heapConnected - heapIdle) / 1024.0 / ROUTERS))
				.line("")
				.line("Reproduce: `./mvnw -pl mikrotik-adapter -Pbenchmark test -Dtest=SimulatorFleetBenchmark`"
						+ " (`-Dfleet.routers=`, `-Dfleet.seconds=`)")
				.write();
		}
	}

	private static long totalDownload(SimulatorFleet fleet) {
		long total = 0;
		for (RouterOsSimulator simulator : fleet.simulators()) {
			for (String name : simulator.onlineSubscribers()) {
				total += simulator.totalTraffic(name).txBytes();
			}
		}
		return total;
	}

	private static Socket login(int port) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.getOutputStream().write(SentenceWriter.encode(Sentence.of("/login", "=name=admin", "=password=")));
		new SentenceReader(new BufferedInputStream(socket.getInputStream())).read();
		return socket;
	}

	private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(50);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
