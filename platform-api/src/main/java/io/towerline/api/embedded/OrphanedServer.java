package io.towerline.api.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds what a Towerline that died without shutting down (kill -9, power loss, OOM kill)
 * left in the embedded data directory, and clears it before the next start.
 * <p>
 * Two facts decide: zonky's server holds an OS lock on {@code epg-lock} in the data
 * directory for as long as the JVM that started it lives (the OS drops it when that JVM
 * dies, however it dies), and PostgreSQL's {@code postmaster.pid} names the server
 * process. A locked {@code epg-lock} means a live Towerline owns the directory: it is
 * left alone and the start refused. An unlocked one with a live PostgreSQL on this
 * directory means an orphan: it is asked to stop (SIGTERM, a smart shutdown that its dead
 * owner's closed connections no longer hold up). A pid file naming a process that is no
 * PostgreSQL on this directory is stale and removed, since PostgreSQL would otherwise
 * refuse to start while that unrelated process lives.
 */
final class OrphanedServer {

	static final String OWNER_LOCK = "epg-lock";

	static final String PID_FILE = "postmaster.pid";

	private OrphanedServer() {
	}

	/** What was found and done. */
	enum Recovery {

		/** No pid file: the last server stopped cleanly, or there was none. */
		NOTHING_LEFT,
		/**
		 * The pid file named a process that no longer runs; PostgreSQL clears it itself.
		 */
		DEAD_PID_FILE,
		/**
		 * The pid file named a live process that is not a PostgreSQL on this directory.
		 */
		FOREIGN_PID_FILE_REMOVED,
		/** A PostgreSQL left running by a dead Towerline was stopped. */
		ORPHAN_STOPPED

	}

	/**
	 * Clears what a dead owner left in {@code dataDir}.
	 * @throws DataDirectoryInUseException when a live process owns the directory, or an
	 * orphan does not stop within {@code stopTimeout}
	 */
	static Recovery clear(Path dataDir, Duration stopTimeout) {
		Path pidFile = dataDir.resolve(PID_FILE);
		Optional<Long> pid = readPid(pidFile);
		if (ownerAlive(dataDir)) {
			throw new DataDirectoryInUseException(
					"The embedded database directory " + dataDir + " is in use by another running Towerline"
							+ pid.map((p) -> " (PostgreSQL pid " + p + ")").orElse("")
							+ "; stop that instance or give this one its own towerline.embedded.data-dir");
		}
		if (pid.isEmpty()) {
			return Recovery.NOTHING_LEFT;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return Recovery.DEAD_PID_FILE;
		}
		if (!isPostgresOn(process.get(), dataDir)) {
			delete(pidFile);
			return Recovery.FOREIGN_PID_FILE_REMOVED;
		}
		stop(process.get(), dataDir, stopTimeout);
		return Recovery.ORPHAN_STOPPED;
	}

	/** True when another process (or this one) holds the owner lock. */
	private static boolean ownerAlive(Path dataDir) {
		Path lockFile = dataDir.resolve(OWNER_LOCK);
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check the owner lock " + lockFile, ex);
		}
	}

	/**
	 * PostgreSQL runs from its data directory ({@code /proc/<pid>/cwd} on Linux) and is
	 * started with {@code -D
	 *
	<dir>
	 * }; either proves it serves this one.
	 */
	static boolean isPostgresOn(ProcessHandle process, Path dataDir) {
		ProcessHandle.Info info = process.info();
		boolean postgres = info.command()
			.map((command) -> Path.of(command).getFileName().toString())
			.map((name) -> name.equals("postgres") || name.equals("postgres.exe"))
			.orElse(false);
		if (!postgres) {
			return false;
		}
		Path expected = realPath(dataDir);
		Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
		if (Files.isSymbolicLink(cwd) && realPath(cwd).equals(expected)) {
			return true;
		}
		List<String> arguments = List.of(info.arguments().orElse(new String[0]));
		int flag = arguments.indexOf("-D");
		return flag >= 0 && flag + 1 < arguments.size() && realPath(Path.of(arguments.get(flag + 1))).equals(expected);
	}

	private static void stop(ProcessHandle process, Path dataDir, Duration timeout) {
		process.destroy();
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new DataDirectoryInUseException("The PostgreSQL (pid " + process.pid() + ") left running on "
					+ dataDir + " by a Towerline that did not shut down was asked to stop but still runs after "
					+ timeout.toSeconds() + " s (a client still connected?); stop it and start again");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataDirectoryInUseException("Interrupted while stopping the PostgreSQL on " + dataDir);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (NumberFormatException ex) {
			// half-written by a server that died while starting: PostgreSQL treats it as
			// stale
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + pidFile, ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove the stale " + file, ex);
		}
	}

	private static Path realPath(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	/** The data directory belongs to a live server; starting would corrupt it or fail. */
	static final class DataDirectoryInUseException extends IllegalStateException {

		DataDirectoryInUseException(String message) {
			super(message);
		}

	}

}
