package io.towerline.mikrotik.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.SocketFactory;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.connection.RouterConnection;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import me.legrange.mikrotik.ApiConnection;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 1: a 10,000-row {@code /ppp/secret/print} (all 14 properties), shielded
 * client against the bare library in the same run, on the same simulator. Median of 5
 * after 2 warm-ups.
 */
class SecretPrintParseBenchmark {

	private static final int ROWS = 10_000;

	private static final int WARMUP = 2;

	private static final int RUNS = 5;

	@Test
	void measure() throws Exception {
		try (RouterUnderTest under = RouterUnderTest
			.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(ROWS).recordCommands(false))) {
			RouterOsSimulator simulator = under.simulator();
			double shieldedRaw = time(() -> rawPrint(simulator));
			double shieldedTyped = time(() -> check(under.client().pppSecrets().list().size()));
			double bare = time(() -> libraryPrint(simulator, SocketFactory.getDefault()));
			double tuned = time(() -> libraryPrint(simulator, new BufferedNoDelaySockets()));
			new BenchmarkReport("secret-print-parse", "Parsing a 10,000-row /ppp/secret/print")
				.line("| client | median ms | vs bare library |")
				.line("|---|---:|---:|")
				.line(row("shielded connection (rows, all properties)", shieldedRaw, bare))
				.line(row("shielded client, typed PppSecret records (.proplist)", shieldedTyped, bare))
				.line(row("bare me.legrange:mikrotik 3.0.8", bare, bare))
				.line(row("library + TCP_NODELAY + buffered socket factory", tuned, bare))
				.line("")
				.line("Reproduce: `./mvnw -pl mikrotik-adapter -Pbenchmark test -Dtest=SecretPrintParseBenchmark`")
				.write();
		}
	}

	private static String row(String name, double millis, double bare) {
		return String.format("| %s | %.0f | %.1fx faster |", name, millis, bare / millis);
	}

	private static double time(Measured measured) throws Exception {
		long[] samples = new long[RUNS];
		for (int i = 0; i < WARMUP + RUNS; i++) {
			long started = System.nanoTime();
			measured.run();
			if (i >= WARMUP) {
				samples[i - WARMUP] = System.nanoTime() - started;
			}
		}
		return BenchmarkReport.medianMillis(samples);
	}

	private static void rawPrint(RouterOsSimulator simulator) throws IOException {
		Socket socket = new Socket("127.0.0.1", simulator.port());
		try (RouterConnection connection = RouterConnection.open(socket, "bench", TestRouters.USER,
				TestRouters.PASSWORD.toCharArray(), Duration.ofSeconds(5), Duration.ofSeconds(5))) {
			check(connection.execute(Command.to("/ppp/secret/print").build(), Duration.ofSeconds(60)).rows().size());
		}
	}

	private static void libraryPrint(RouterOsSimulator simulator, SocketFactory sockets) throws Exception {
		try (ApiConnection library = ApiConnection.connect(sockets, "127.0.0.1", simulator.port(), 5000)) {
			library.setTimeout(120_000);
			library.login(TestRouters.USER, TestRouters.PASSWORD);
			List<Map<String, String>> rows = library.execute("/ppp/secret/print");
			check(rows.size());
		}
	}

	private static void check(int rows) {
		if (rows != ROWS) {
			throw new IllegalStateException("expected " + ROWS + " rows, got " + rows);
		}
	}

	@FunctionalInterface
	private interface Measured {

		void run() throws Exception;

	}

	/**
	 * What the research notes found the library needs: Nagle off and a buffered input
	 * stream.
	 */
	private static final class BufferedNoDelaySockets extends SocketFactory {

		@Override
		public Socket createSocket() throws IOException {
			Socket socket = new Socket() {

				private InputStream buffered;

				@Override
				public synchronized InputStream getInputStream() throws IOException {
					if (this.buffered == null) {
						this.buffered = new BufferedInputStream(super.getInputStream(), 65536);
					}
					return this.buffered;
				}

			};
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress local, int localPort) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Socket createSocket(InetAddress host, int port) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
			throw new UnsupportedOperationException();
		}

	}

}
