package io.towerline.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Linux's scheduler account of a thread or process ({@code /proc/.../schedstat}): time on
 * a core and time waiting for one while runnable. The wait is the direct measure of CPU
 * contention: a search whose thread or backend waited long for a core was slow because of
 * the machine's load, whatever else ran.
 *
 * @param runNanos time spent on a core
 * @param waitNanos time spent runnable but waiting for a core
 */
record Schedstat(long runNanos, long waitNanos) {

	static final Schedstat NONE = new Schedstat(0, 0);

	/** The calling thread's account (a platform thread: it reads its own file). */
	static Schedstat currentThread() {
		return read(Path.of("/proc/thread-self/schedstat"));
	}

	/** Each process's account (PostgreSQL's backends); those gone are left out. */
	static Map<Integer, Schedstat> processes(Collection<Integer> pids) {
		Map<Integer, Schedstat> accounts = new HashMap<>();
		for (int pid : pids) {
			Schedstat one = read(Path.of("/proc", Integer.toString(pid), "schedstat"));
			if (one != NONE) {
				accounts.put(pid, one);
			}
		}
		return accounts;
	}

	/** What the processes present at both readings did between them, summed. */
	static Schedstat change(Map<Integer, Schedstat> before, Map<Integer, Schedstat> after) {
		long run = 0;
		long wait = 0;
		for (Map.Entry<Integer, Schedstat> entry : after.entrySet()) {
			Schedstat earlier = before.get(entry.getKey());
			if (earlier != null) {
				run += entry.getValue().runNanos - earlier.runNanos;
				wait += entry.getValue().waitNanos - earlier.waitNanos;
			}
		}
		return new Schedstat(run, wait);
	}

	Schedstat minus(Schedstat earlier) {
		return new Schedstat(this.runNanos - earlier.runNanos, this.waitNanos - earlier.waitNanos);
	}

	private static Schedstat read(Path file) {
		try {
			String[] fields = Files.readString(file).trim().split(" ");
			return new Schedstat(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
		}
		catch (IOException | RuntimeException ex) {
			return NONE;
		}
	}

}
