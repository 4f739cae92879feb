package io.towerline.mikrotik.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.simulator.SimulatorMain;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 3: the cost of one open router connection in this JVM (platform threads,
 * heap) and whether one JVM holds 1,000. The simulator runs in a child process so only
 * the client side is measured; each "router" is a distinct loopback address (127.0.x.y),
 * so every one gets its own client, pool, throttle, breaker and connection.
 */
class ConnectionFootprintBenchmark {

	private static final int ROUTERS = 1_000;

	@Test
	void measure() throws Exception {
		Process simulator = startSimulator();
		try (RouterClients clients = new RouterClients(
				TestRouters.settings().commandTimeout(Duration.ofSeconds(60)).build(), null,
				RouterCommandAuditor.NONE)) {
			int port = port(simulator);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			List<RouterClient> routers = new ArrayList<>();
			for (int i = 0; i < ROUTERS; i++) {
				String host = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
				routers.add(clients.client(new RouterEndpoint(host, port, RouterTls.none(),
						new UsernamePassword(TestRouters.USER, TestRouters.PASSWORD.toCharArray()))));
			}
			long heapBefore = settledHeap(memory);
			int threadsBefore = threads.getThreadCount();
			long started = System.nanoTime();
			try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> opened = new ArrayList<>();
				for (RouterClient router : routers) {
					opened.add(callers.submit(router::ping));
				}
				for (Future<?> future : opened) {
					future.get();
				}
			}
			double openSeconds = (System.nanoTime() - started) / 1e9;
			int open = clients.openConnections();
			long heapAfter = settledHeap(memory);
			int threadsAfter = threads.getThreadCount();
			started = System.nanoTime();
			try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> pings = new ArrayList<>();
				for (RouterClient router : routers) {
					pings.add(callers.submit(() -> router.pppSecrets().count()));
				}
				for (Future<?> future : pings) {
					future.get();
				}
			}
			double roundSeconds = (System.nanoTime() - started) / 1e9;
			new BenchmarkReport("connection-footprint", "Open router connections in one JVM")
				.line("| measure | value |")
				.line("|---|---:|")
				.line("| routers (distinct clients, one connection each) | " + ROUTERS + " |")
				.line("| connections open at the end | " + open + " |")
				.line(String.format("| time to connect, log in and probe all (parallel) | %.2f s |", openSeconds))
				.line(String.format("| one command on every router (parallel) | %.2f s |", roundSeconds))
				.line("| platform threads before / after | " + threadsBefore + " / " + threadsAfter + " |")
				.line(String.format("| platform threads per connection | %.3f |",
						(threadsAfter - threadsBefore) / (double) open))
				.line("| virtual threads per idle connection | 1 (the reader) |")
				.line(String.format(
						"| heap per connection (after GC, client side incl. pool/throttle/breaker) | %.1f KiB |",
						(heapAfter - heapBefore) / 1024.0 / open))
				.line("")
				.line("Reproduce: `./mvnw -pl mikrotik-adapter -Pbenchmark test -Dtest=ConnectionFootprintBenchmark`")
				.write();
		}
		finally {
			simulator.destroy();
		}
	}

	private static Process startSimulator() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				SimulatorMain.class.getName(), "--port", "0", "--bind", "0.0.0.0", "--secrets", "10", "--user",
				TestRouters.USER, "--password", TestRouters.PASSWORD)
			.redirectErrorStream(true)
			.start();
	}

	private static int port(Process simulator) throws Exception {
		BufferedReader out = new BufferedReader(
				new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
		Pattern listening = Pattern.compile("listening on port (\\d+)");
		String line;
		while ((line = out.readLine()) != null) {
			Matcher matcher = listening.matcher(line);
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
		}
		throw new IllegalStateException("simulator did not start");
	}

	private static long settledHeap(MemoryMXBean memory) {
		for (int i = 0; i < 5; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
