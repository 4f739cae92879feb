package io.towerline.mikrotik.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterTimeoutException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandOutcome;
import io.towerline.mikrotik.connection.CommandResult;
import io.towerline.mikrotik.connection.RouterConnection;

/**
 * Sends many commands over one connection without waiting for each answer: at most
 * {@code batchInFlight} are outstanding, so a round trip is paid once per window instead
 * of once per command. If no command completes for a whole command timeout, the router is
 * wedged: the connection is closed, which fails everything still in flight.
 */
final class PipelinedBatch {

	/** An outcome with the timing the audit log needs. */
	record Timed(CommandOutcome outcome, Instant startedAt, long elapsedNanos) {
	}

	private final RouterConnection connection;

	private final CommandThrottle throttle;

	private final RouterClientSettings settings;

	PipelinedBatch(RouterConnection connection, CommandThrottle throttle, RouterClientSettings settings) {
		this.connection = connection;
		this.throttle = throttle;
		this.settings = settings;
	}

	List<Timed> run(List<Command> commands) {
		int count = commands.size();
		Timed[] results = new Timed[count];
		Semaphore window = new Semaphore(this.settings.batchInFlight());
		CountDownLatch remaining = new CountDownLatch(count);
		AtomicInteger completed = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			Command command = commands.get(i);
			try {
				this.throttle.acquire(this.settings.commandTimeout());
				awaitWindow(window, completed);
				int index = i;
				Instant startedAt = Instant.now();
				long started = System.nanoTime();
				this.connection.submit(command, (result) -> {
					results[index] = timed(result, startedAt, System.nanoTime() - started);
					completed.incrementAndGet();
					window.release();
					remaining.countDown();
				});
			}
			catch (RouterException ex) {
				for (int j = i; j < count; j++) {
					results[j] = new Timed(new CommandOutcome(commands.get(j), null, ex), Instant.now(), 0);
					remaining.countDown();
				}
				break;
			}
		}
		awaitAll(remaining, completed);
		List<Timed> ordered = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			// only an interrupted wait leaves holes; those commands' fate is unknown
			ordered
				.add((results[i] != null) ? results[i]
						: new Timed(new CommandOutcome(commands.get(i), null, new RouterTimeoutException(
								this.connection.router(), commands.get(i).path(), this.settings.commandTimeout())),
								Instant.now(), 0));
		}
		return ordered;
	}

	private static Timed timed(CommandResult result, Instant startedAt, long elapsedNanos) {
		return new Timed(new CommandOutcome(result.command(), result.reply(), result.error()), startedAt, elapsedNanos);
	}

	private void awaitWindow(Semaphore window, AtomicInteger completed) {
		while (true) {
			int before = completed.get();
			if (acquire(window)) {
				return;
			}
			if (completed.get() == before) {
				stalled();
			}
		}
	}

	private boolean acquire(Semaphore window) {
		try {
			return window.tryAcquire(this.settings.commandTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stalled();
			return false;
		}
	}

	private void awaitAll(CountDownLatch remaining, AtomicInteger completed) {
		try {
			while (true) {
				int before = completed.get();
				if (remaining.await(this.settings.commandTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
					return;
				}
				if (completed.get() == before) {
					// closing fails every pending command, which counts the latch down
					this.connection.close();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.connection.close();
		}
	}

	private void stalled() {
		this.connection.close();
		throw new RouterTimeoutException(this.connection.router(), "batch (no command completed)",
				this.settings.commandTimeout());
	}

}
