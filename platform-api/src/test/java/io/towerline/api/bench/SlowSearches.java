package io.towerline.api.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * What the slowest searches waited on: each timed search's window set beside, on one
 * clock, the scheduler accounts of its thread and of PostgreSQL's processes, the database
 * samples ({@link DatabaseActivity}) and the flight recording's collector pauses,
 * safepoint operations and CPU samples by what ran. Printed as a table of the slowest 1 %
 * and 5 % against all searches, so proportions compare across machines and loads.
 */
final class SlowSearches {

	/** CPU sample categories, in the order the table shows them. */
	static final List<String> WORK = List.of("counter sample", "session re-read / events", "lease round",
			"router protocol", "requests", "scheduled jobs", "other");

	private final List<TimedSearch> searches;

	private final List<DatabaseActivity.Sample> samples;

	private final List<Interval> pauses = new ArrayList<>();

	private final List<Interval> safepoints = new ArrayList<>();

	private final List<CpuSample> cpu = new ArrayList<>();

	private record Interval(Instant from, Instant to) {

	}

	private record CpuSample(Instant at, String work) {

	}

	SlowSearches(List<TimedSearch> searches, List<DatabaseActivity.Sample> samples, @Nullable Path recording)
			throws IOException {
		this.searches = searches;
		this.samples = samples;
		if (recording != null) {
			for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
				String name = event.getEventType().getName();
				if (name.equals("jdk.GCPhasePause")) {
					this.pauses.add(new Interval(event.getStartTime(), event.getEndTime()));
				}
				else if (name.equals("jdk.ExecuteVMOperation") && event.getBoolean("safepoint")) {
					this.safepoints.add(new Interval(event.getStartTime(), event.getEndTime()));
				}
				else if (name.equals("jdk.ExecutionSample")) {
					this.cpu.add(new CpuSample(event.getStartTime(), work(event)));
				}
			}
		}
	}

	/** What a CPU sample's thread was doing, by its stack first and its name then. */
	static String work(RecordedEvent sample) {
		RecordedStackTrace stack = sample.getStackTrace();
		if (stack != null) {
			for (RecordedFrame frame : stack.getFrames()) {
				String type = frame.getMethod().getType().getName();
				String method = frame.getMethod().getName();
				if (type.equals("io.towerline.core.session.SessionTracker")) {
					return method.equals("sample") ? "counter sample" : "session re-read / events";
				}
				if (type.equals("io.towerline.core.session.SessionTracking") && method.equals("renew")) {
					return "lease round";
				}
			}
			for (RecordedFrame frame : stack.getFrames()) {
				if (frame.getMethod().getType().getName().startsWith("io.towerline.mikrotik")) {
					return "router protocol";
				}
			}
		}
		RecordedThread thread = sample.getThread("sampledThread");
		String name = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "";
		if (name.equals("main") || name.startsWith("http-nio") || name.startsWith("tomcat")) {
			return "requests";
		}
		if (name.contains("db-scheduler")) {
			return "scheduled jobs";
		}
		return "other";
	}

	/** The table, and the figures it is made of. */
	String report(int cores) {
		List<TimedSearch> sorted = new ArrayList<>(this.searches);
		sorted.sort(Comparator.comparingLong(TimedSearch::nanos).reversed());
		List<TimedSearch> slowest1 = sorted.subList(0, Math.max(1, sorted.size() / 100));
		List<TimedSearch> slowest5 = sorted.subList(0, Math.max(1, sorted.size() / 20));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"Slow searches coincide with … (%d searches timed over MockMvc; the slowest 1 %% are %.1f ms and "
						+ "over, the slowest 5 %% %.1f ms and over; samples of PostgreSQL every %d ms, CPU samples "
						+ "of the flight recording):%n%n| during the search | slowest 1 %% (%d) | slowest 5 %% (%d) | "
						+ "all (%d) |%n|---|---|---|---|%n",
				sorted.size(), slowest1.getLast().nanos() / 1e6, slowest5.getLast().nanos() / 1e6,
				Long.getLong("bench.activityMillis", 10), slowest1.size(), slowest5.size(), sorted.size()));
		row(out, "duration, mean ms", (s) -> s.nanos() / 1e6, slowest1, slowest5, sorted);
		row(out, "searching thread on a core, mean ms", (s) -> s.thread().runNanos() / 1e6, slowest1, slowest5, sorted);
		row(out, "searching thread runnable, waiting for a core, mean ms", (s) -> s.thread().waitNanos() / 1e6,
				slowest1, slowest5, sorted);
		row(out, "searching thread off-CPU (waiting for PostgreSQL, locks), mean ms",
				(s) -> (s.nanos() - s.thread().runNanos() - s.thread().waitNanos()) / 1e6, slowest1, slowest5, sorted);
		row(out, "PostgreSQL processes on a core, summed, mean ms", (s) -> s.backends().runNanos() / 1e6, slowest1,
				slowest5, sorted);
		row(out, "PostgreSQL processes waiting for a core, summed, mean ms", (s) -> s.backends().waitNanos() / 1e6,
				slowest1, slowest5, sorted);
		row(out, String.format(Locale.ROOT, "machine: most threads runnable at once (%d cores), mean", cores),
				(s) -> maxOf(s, DatabaseActivity.Sample::procsRunning), slowest1, slowest5, sorted);
		share(out, "a tracker's counter-sample UPDATE running", (s) -> any(s, (a) -> a.counterWrites() > 0), slowest1,
				slowest5, sorted);
		share(out, "another tracker write running (logins, history, usage, leases)",
				(s) -> any(s, (a) -> a.otherWrites() > 0), slowest1, slowest5, sorted);
		row(out, "tracker writes running at once (counter samples and others), most, mean",
				(s) -> maxOf(s, (a) -> a.counterWrites() + a.otherWrites()), slowest1, slowest5, sorted);
		share(out, "autovacuum running", (s) -> any(s, (a) -> !a.autovacuum().isEmpty()), slowest1, slowest5, sorted);
		share(out, "autovacuum of a session table running",
				(s) -> any(s, (a) -> a.autovacuum().stream().anyMatch((table) -> table.contains("session"))), slowest1,
				slowest5, sorted);
		share(out, "a checkpoint in progress (its writes spread over the interval)",
				(s) -> any(s, DatabaseActivity.Sample::checkpointing), slowest1, slowest5, sorted);
		share(out, "the search's backend seen waiting (not on CPU)",
				(s) -> any(s, (a) -> a.searchWaits().stream().anyMatch((wait) -> !wait.equals("on CPU"))), slowest1,
				slowest5, sorted);
		share(out, "a collector pause (JFR)", (s) -> overlapping(s, this.pauses) > 0, slowest1, slowest5, sorted);
		row(out, "collector pauses inside, mean ms", (s) -> overlapping(s, this.pauses) / 1e6, slowest1, slowest5,
				sorted);
		share(out, "a safepoint operation (JFR)", (s) -> overlapping(s, this.safepoints) > 0, slowest1, slowest5,
				sorted);
		for (String work : WORK) {
			row(out, "JVM CPU samples of " + work + ", mean", (s) -> cpuSamples(s, work), slowest1, slowest5, sorted);
		}
		out.append('\n').append(waits(slowest5)).append('\n');
		return out.toString();
	}

	private String waits(List<TimedSearch> slow) {
		Map<String, Integer> counts = new TreeMap<>();
		for (TimedSearch search : slow) {
			for (DatabaseActivity.Sample sample : inside(search)) {
				sample.searchWaits().forEach((wait) -> counts.merge(wait, 1, Integer::sum));
				sample.autovacuum().forEach((table) -> counts.merge("autovacuum " + table, 1, Integer::sum));
			}
		}
		return "What the slowest 5 % saw in PostgreSQL's samples (search backend states, autovacuum): " + counts + "\n";
	}

	private List<DatabaseActivity.Sample> inside(TimedSearch search) {
		// one sample period before the start too, so a short search has a sample
		Instant from = search.start().minusMillis(Long.getLong("bench.activityMillis", 10));
		return this.samples.stream()
			.filter((sample) -> !sample.at().isBefore(from) && !sample.at().isAfter(search.end()))
			.toList();
	}

	private boolean any(TimedSearch search, Predicate<DatabaseActivity.Sample> test) {
		return inside(search).stream().anyMatch(test);
	}

	private double maxOf(TimedSearch search, ToDoubleFunction<DatabaseActivity.Sample> value) {
		return inside(search).stream().mapToDouble(value).max().orElse(Double.NaN);
	}

	private static long overlapping(TimedSearch search, List<Interval> intervals) {
		long nanos = 0;
		for (Interval interval : intervals) {
			if (search.overlaps(interval.from(), interval.to())) {
				Instant from = interval.from().isAfter(search.start()) ? interval.from() : search.start();
				Instant to = interval.to().isBefore(search.end()) ? interval.to() : search.end();
				nanos += Duration.between(from, to).toNanos();
			}
		}
		return nanos;
	}

	private double cpuSamples(TimedSearch search, String work) {
		return this.cpu.stream()
			.filter((sample) -> sample.work().equals(work) && !sample.at().isBefore(search.start())
					&& !sample.at().isAfter(search.end()))
			.count();
	}

	@SafeVarargs
	private static void row(StringBuilder out, String label, ToDoubleFunction<TimedSearch> value,
			List<TimedSearch>... groups) {
		out.append("| ").append(label);
		for (List<TimedSearch> group : groups) {
			double mean = group.stream()
				.mapToDouble(value)
				.filter((v) -> !Double.isNaN(v))
				.average()
				.orElse(Double.NaN);
			out.append(String.format(Locale.ROOT, " | %.2f", mean));
		}
		out.append(" |\n");
	}

	@SafeVarargs
	private static void share(StringBuilder out, String label, Predicate<TimedSearch> test,
			List<TimedSearch>... groups) {
		out.append("| ").append(label).append(", share");
		for (List<TimedSearch> group : groups) {
			long hits = group.stream().filter(test).count();
			out.append(String.format(Locale.ROOT, " | %.0f %%", 100.0 * hits / group.size()));
		}
		out.append(" |\n");
	}

}
