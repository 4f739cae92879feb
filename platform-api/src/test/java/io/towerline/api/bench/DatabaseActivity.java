package io.towerline.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import io.towerline.core.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * Samples, every {@code bench.activityMillis} (10 ms) on a connection of its own, what
 * PostgreSQL's processes are doing ({@code pg_stat_activity}: tracker writes, searches
 * and their wait events, autovacuum workers, the checkpointer) and how many threads of
 * the machine are runnable ({@code /proc/stat}); and every second the session table's row
 * counters and the pending list of the search-key trigram index searches read (ADR 0217).
 * Each sample carries the wall clock, the same clock the searches and the flight
 * recording use.
 */
final class DatabaseActivity implements AutoCloseable {

	private static final long PERIOD_MILLIS = Long.getLong("bench.activityMillis", 10);

	private final Connection connection;

	private final String schema;

	private final List<Sample> samples = new ArrayList<>();

	private final List<TableSecond> seconds = new ArrayList<>();

	private final Set<Integer> backends = ConcurrentHashMap.newKeySet();

	private final Thread sampler;

	private volatile boolean running = true;

	private final boolean pendingList;

	/** One look at PostgreSQL's processes. */
	record Sample(Instant at, int procsRunning, int counterWrites, int otherWrites, int otherActive,
			List<String> autovacuum, boolean checkpointing, List<String> searchWaits) {

	}

	/** The session table's counters at one second. */
	record TableSecond(Instant at, long updated, long hotUpdated, long inserted, long deleted, long pendingPages,
			long checkpoints) {

	}

	private DatabaseActivity(String schema) throws SQLException {
		TestDatabase.Server server = TestDatabase.server();
		this.connection = DriverManager.getConnection(server.url(), server.username(), server.password());
		this.schema = schema;
		boolean pending;
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple SCHEMA public");
			pending = true;
		}
		catch (SQLException ex) {
			pending = false;
		}
		this.pendingList = pending;
		this.sampler = Thread.ofPlatform().name("bench-database-activity").daemon().start(this::run);
	}

	/** Starts sampling; {@code schema} is the tenant's whose session table is watched. */
	static DatabaseActivity start(String schema) throws SQLException {
		return new DatabaseActivity(schema);
	}

	/** PostgreSQL's processes seen so far (for their scheduler accounts). */
	Set<Integer> backends() {
		return this.backends;
	}

	List<Sample> samples() {
		synchronized (this.samples) {
			return List.copyOf(this.samples);
		}
	}

	List<TableSecond> seconds() {
		synchronized (this.seconds) {
			return List.copyOf(this.seconds);
		}
	}

	private void run() {
		long nextSecond = 0;
		while (this.running) {
			long started = System.nanoTime();
			try {
				Sample sample = sample();
				synchronized (this.samples) {
					this.samples.add(sample);
				}
				if (started >= nextSecond) {
					TableSecond second = tableSecond();
					synchronized (this.seconds) {
						this.seconds.add(second);
					}
					nextSecond = started + 1_000_000_000L;
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					System.err.println("Database activity sampling failed: " + ex);
				}
				return;
			}
			long rest = PERIOD_MILLIS * 1_000_000 - (System.nanoTime() - started);
			if (rest > 0) {
				LockSupport.parkNanos(rest);
			}
		}
	}

	private Sample sample() throws SQLException {
		Instant at = Instant.now();
		int procsRunning = procsRunning();
		int counterWrites = 0;
		int otherWrites = 0;
		int otherActive = 0;
		List<String> autovacuum = new ArrayList<>();
		boolean checkpointing = false;
		List<String> searchWaits = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pid, backend_type, state, wait_event_type, wait_event, "
						+ "left(query, 160) FROM pg_stat_activity WHERE pid <> pg_backend_pid()")) {
			while (rows.next()) {
				this.backends.add(rows.getInt(1));
				String type = rows.getString(2);
				String state = rows.getString(3);
				String wait = wait(rows.getString(4), rows.getString(5));
				String query = (rows.getString(6) != null) ? rows.getString(6) : "";
				if ("autovacuum worker".equals(type)) {
					autovacuum.add(query.replace("autovacuum: ", ""));
				}
				else if ("checkpointer".equals(type)) {
					checkpointing = wait == null || !wait.endsWith("CheckpointerMain");
				}
				else if ("client backend".equals(type) && "active".equals(state)) {
					if (query.startsWith("UPDATE") && query.contains("online_session AS s SET rx_bytes")) {
						counterWrites++;
					}
					else if (query.contains("matched AS MATERIALIZED") || query.contains("LIKE")) {
						searchWaits.add((wait != null) ? wait : "on CPU");
					}
					else if (query.startsWith("INSERT") || query.startsWith("UPDATE") || query.startsWith("DELETE")) {
						otherWrites++;
					}
					else {
						otherActive++;
					}
				}
			}
		}
		return new Sample(at, procsRunning, counterWrites, otherWrites, otherActive, autovacuum, checkpointing,
				searchWaits);
	}

	private static @Nullable String wait(@Nullable String type, @Nullable String event) {
		return (event != null) ? type + ":" + event : null;
	}

	private TableSecond tableSecond() throws SQLException {
		Instant at = Instant.now();
		long pending = -1;
		long checkpoints;
		long[] table = new long[4];
		try (Statement statement = this.connection.createStatement()) {
			try (ResultSet rows = statement
				.executeQuery("SELECT n_tup_upd, n_tup_hot_upd, n_tup_ins, n_tup_del FROM pg_stat_all_tables "
						+ "WHERE schemaname = '" + this.schema + "' AND relname = 'online_session'")) {
				if (rows.next()) {
					for (int i = 0; i < 4; i++) {
						table[i] = rows.getLong(i + 1);
					}
				}
			}
			try (ResultSet rows = statement
				.executeQuery("SELECT num_timed + num_requested FROM pg_stat_checkpointer")) {
				rows.next();
				checkpoints = rows.getLong(1);
			}
			if (this.pendingList) {
				try (ResultSet rows = statement.executeQuery("SELECT pending_pages FROM public.pgstatginindex('"
						+ this.schema + ".online_session_key_search'::regclass)")) {
					pending = rows.next() ? rows.getLong(1) : -1;
				}
			}
		}
		return new TableSecond(at, table[0], table[1], table[2], table[3], pending, checkpoints);
	}

	private static int procsRunning() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
				if (line.startsWith("procs_running ")) {
					return Integer.parseInt(line.substring("procs_running ".length()).trim());
				}
			}
		}
		catch (IOException ex) {
			// not Linux: no figure
		}
		return -1;
	}

	/**
	 * How the session table's writes were spread over the seconds sampled: counter
	 * samples arrive as updates, so bursts show as seconds far above the mean. Also the
	 * share of them PostgreSQL could do as HOT updates (no index entries: the trigram
	 * indexes' pending list grows only from the others) and the pending list's size.
	 */
	String tableSummary() {
		List<TableSecond> all = seconds();
		if (all.size() < 3) {
			return "";
		}
		List<Long> updates = new ArrayList<>();
		for (int i = 1; i < all.size(); i++) {
			double seconds = Duration.between(all.get(i - 1).at(), all.get(i).at()).toNanos() / 1e9;
			updates.add(Math.round((all.get(i).updated() - all.get(i - 1).updated()) / seconds));
		}
		List<Long> sorted = new ArrayList<>(updates);
		Collections.sort(sorted);
		TableSecond first = all.getFirst();
		TableSecond last = all.getLast();
		long updated = last.updated() - first.updated();
		long hot = last.hotUpdated() - first.hotUpdated();
		LongSummaryStatistics pending = all.stream().mapToLong(TableSecond::pendingPages).summaryStatistics();
		return String.format(Locale.ROOT,
				"The session table over %d s sampled: rows updated per second p50 %d, p90 %d, max %d, seconds "
						+ "without any %d; %d updated, %.0f %% of them HOT (no index entries); %d inserted, %d "
						+ "deleted; search-key trigram index pending list %d–%d pages; %d checkpoints%n%n",
				updates.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10), sorted.getLast(),
				updates.stream().filter((n) -> n == 0).count(), updated, (updated > 0) ? 100.0 * hot / updated : 0.0,
				last.inserted() - first.inserted(), last.deleted() - first.deleted(), pending.getMin(),
				pending.getMax(), last.checkpoints() - first.checkpoints());
	}

	@Override
	public void close() throws SQLException, InterruptedException {
		this.running = false;
		this.sampler.join();
		this.connection.close();
	}

}
