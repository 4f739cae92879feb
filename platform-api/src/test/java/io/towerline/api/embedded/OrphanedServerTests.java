package io.towerline.api.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A Towerline killed with SIGKILL leaves its PostgreSQL running on the data directory.
 * The next start must stop that orphan and reuse the data; it must never touch a server
 * whose Towerline is alive, nor a process that merely has a pid written in a stale file.
 * The crashed Towerline is a real child JVM running the production start-up path.
 */
class OrphanedServerTests {

	@TempDir
	Path dataDir;

	private final List<Process> children = new ArrayList<>();

	private final List<EmbeddedPostgres> servers = new ArrayList<>();

	private final Map<Process, List<String>> drained = new ConcurrentHashMap<>();

	private final Map<Process, CompletableFuture<Void>> drains = new ConcurrentHashMap<>();

	@AfterEach
	void cleanUp() throws IOException {
		for (EmbeddedPostgres server : this.servers) {
			server.close();
		}
		for (Process child : this.children) {
			child.destroyForcibly();
		}
		// whatever a killed child left is cleared the way a restart would
		if (Files.exists(this.dataDir.resolve("pgdata"))) {
			try {
				OrphanedServer.clear(this.dataDir.resolve("pgdata"), Duration.ofSeconds(30));
			}
			catch (IllegalStateException ex) {
				// a child that still runs is being killed above; its server stops with it
			}
		}
	}

	@Test
	void shouldStopTheOrphanOfAKilledTowerlineAndKeepItsData() throws Exception {
		Process child = startChild("before-crash");
		long orphanPid = awaitReady(child);
		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(child.isAlive()).isFalse();
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the orphan outlives its JVM")
			.contains(true);

		EmbeddedPostgres restarted = start();

		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		assertThat(values(restarted)).containsExactly("before-crash");
		assertThat(postmasterPid(this.dataDir)).isNotEqualTo(orphanPid);
	}

	@Test
	void shouldRecoverAfterEveryOneOfSeveralCrashes() throws Exception {
		for (String value : List.of("first", "second")) {
			Process child = startChild(value);
			awaitReady(child);
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(values(start())).containsExactly("first", "second");
	}

	@Test
	void shouldRefuseToStartWhileAnotherTowerlineOwnsTheDirectory() throws Exception {
		Process owner = startChild("owned");
		long serverPid = awaitReady(owner);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this::start)
			.withMessageContaining("in use by another running Towerline")
			.withMessageContaining(Long.toString(serverPid));

		assertThat(owner.isAlive()).isTrue();
		assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);
		assertThat(postmasterPid(this.dataDir)).isEqualTo(serverPid);
	}

	@Test
	void shouldRemoveAStalePidFileThatNamesAnUnrelatedLiveProcess() throws Exception {
		EmbeddedPostgres first = start();
		insert(first, "kept");
		this.servers.remove(first);
		first.close();
		Process unrelated = new ProcessBuilder("sleep", "120").start();
		this.children.add(unrelated);
		Files.writeString(this.dataDir.resolve("pgdata").resolve(OrphanedServer.PID_FILE),
				unrelated.pid() + "\n" + this.dataDir.resolve("pgdata") + "\n");

		EmbeddedPostgres restarted = start();

		assertThat(unrelated.isAlive()).as("an unrelated process is never signalled").isTrue();
		assertThat(values(restarted)).containsExactly("kept");
	}

	@Test
	void shouldStartOverAPidFileWhoseProcessIsGone() throws Exception {
		EmbeddedPostgres first = start();
		insert(first, "kept");
		this.servers.remove(first);
		first.close();
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Files.writeString(this.dataDir.resolve("pgdata").resolve(OrphanedServer.PID_FILE), gone.pid() + "\n");

		assertThat(OrphanedServer.clear(this.dataDir.resolve("pgdata"), Duration.ofSeconds(5)))
			.isEqualTo(OrphanedServer.Recovery.DEAD_PID_FILE);
		assertThat(values(start())).containsExactly("kept");
	}

	/**
	 * SIGTERM: the application's shutdown still uses the database, which must stay up
	 * until the application closes it (zonky's own JVM shutdown hook stopped it at once).
	 */
	@Test
	void shouldKeepTheDatabaseUpUntilTheApplicationClosesItOnSigterm() throws Exception {
		Process child = startChild("graceful", "work-at-shutdown");
		long serverPid = awaitReady(child);

		// SIGTERM through the handle: Process.destroy() would also close the pipe we read
		child.toHandle().destroy();
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		this.drains.get(child).get(30, TimeUnit.SECONDS);
		List<String> output = this.drained.get(child);

		assertThat(output).contains("SHUTDOWN-STATEMENTS " + EmbeddedServerProcess.SHUTDOWN_STATEMENTS)
			.noneMatch((line) -> line.startsWith("SHUTDOWN-WORK-FAILED") || line.startsWith("CLOSE-FAILED"));
		assertThat(this.dataDir.resolve("pgdata").resolve(OrphanedServer.PID_FILE)).as("stopped cleanly by its owner")
			.doesNotExist();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ProcessHandle.of(serverPid).map((process) -> !process.isAlive()).orElse(true));
		assertThat(OrphanedServer.clear(this.dataDir.resolve("pgdata"), Duration.ofSeconds(5)))
			.isEqualTo(OrphanedServer.Recovery.NOTHING_LEFT);
		assertThat(values(start())).containsExactly("graceful");
	}

	@Test
	void shouldRunDurableUnlessToldOtherwise() throws Exception {
		EmbeddedPostgres postgres = start();
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
				"postgres", DatabasePassword.of(this.dataDir)); Statement statement = connection.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
					rs.next();
					assertThat(rs.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
	}

	private EmbeddedPostgres start() {
		EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(EmbeddedProperties.of(this.dataDir));
		this.servers.add(postgres);
		return postgres;
	}

	private Process startChild(String... arguments) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedServerProcess.class.getName(), this.dataDir.toString()));
		command.addAll(List.of(arguments));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.children.add(child);
		return child;
	}

	/** Reads the child's output until it reports ready; returns its PostgreSQL's pid. */
	private long awaitReady(Process child) throws Exception {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
			StringBuilder output = new StringBuilder();
			try {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("READY ")) {
						return Long.parseLong(line.substring(6).strip());
					}
					output.append(line).append('\n');
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			throw new IllegalStateException("The child ended before it was ready:\n" + output);
		});
		long pid = ready.get(120, TimeUnit.SECONDS);
		// keep draining so the child never blocks on a full pipe; a test may ask for the
		// lines
		List<String> lines = new CopyOnWriteArrayList<>();
		this.drained.put(child, lines);
		this.drains.put(child, CompletableFuture.runAsync(() -> reader.lines().forEach(lines::add)));
		return pid;
	}

	static long postmasterPid(Path dataDir) throws IOException {
		return Long
			.parseLong(Files.readAllLines(dataDir.resolve("pgdata").resolve(OrphanedServer.PID_FILE)).get(0).strip());
	}

	private void insert(EmbeddedPostgres postgres, String value) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
				"postgres", DatabasePassword.of(this.dataDir)); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS crash_probe (value text)");
			statement.execute("INSERT INTO crash_probe VALUES ('" + value + "')");
		}
	}

	private List<String> values(EmbeddedPostgres postgres) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
				"postgres", DatabasePassword.of(this.dataDir));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT value FROM crash_probe ORDER BY value")) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
