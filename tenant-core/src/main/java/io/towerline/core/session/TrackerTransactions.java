package io.towerline.core.session;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trackers' transactions, bounded however many trackers run: each holds a pooled
 * connection, and a thousand trackers starting together once took all of them, so queries
 * waited seconds behind tracker writes (issue 9, ADR 0130). Two budgets (ADR 0259):
 * <ul>
 * <li>{@code writes} permits for the routine transactions (samples, events, re-reads),
 * each held only while its transaction runs. Fewer writers than cores leave the database
 * a core for the users' queries.</li>
 * <li>{@code connects} permits for connects, each held while the router answers its
 * audited commands, so a slow router holds up other connects at most, never the routine
 * writes.</li>
 * </ul>
 * A tracker over a budget waits here, on its virtual thread, instead of in the pool's
 * queue in front of everyone else. Fair: trackers get their turns in arrival order.
 */
final class TrackerTransactions {

	private final TransactionTemplate transactions;

	private final Semaphore writePermits;

	private final Semaphore connectPermits;

	private final int writes;

	private final int connects;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger highWater = new AtomicInteger();

	/** Set while this thread holds a connect permit through {@link #connecting}. */
	private final ThreadLocal<Boolean> connecting = new ThreadLocal<>();

	TrackerTransactions(TransactionTemplate transactions, int writes, int connects) {
		this.transactions = transactions;
		this.writes = writes;
		this.connects = connects;
		this.writePermits = new Semaphore(writes, true);
		this.connectPermits = new Semaphore(connects, true);
	}

	/**
	 * Runs {@code work} in a transaction on a write permit, or on the connect permit this
	 * thread already holds.
	 */
	<T> @Nullable T execute(TransactionCallback<T> work) {
		if (this.connecting.get() != null) {
			return this.transactions.execute(work);
		}
		return on(this.writePermits, () -> this.transactions.execute(work));
	}

	void executeWithoutResult(Consumer<TransactionStatus> work) {
		execute((status) -> {
			work.accept(status);
			return null;
		});
	}

	/**
	 * Runs {@code work} on one connect permit throughout, its transactions included: for
	 * a connect, which also writes outside them (its commands' audit) and holds the
	 * permit while the router answers.
	 */
	void connecting(Runnable work) {
		if (this.connecting.get() != null) {
			work.run();
			return;
		}
		on(this.connectPermits, () -> {
			this.connecting.set(Boolean.TRUE);
			try {
				work.run();
			}
			finally {
				this.connecting.remove();
			}
			return null;
		});
	}

	private <T> T on(Semaphore permits, Supplier<T> work) {
		permits.acquireUninterruptibly();
		this.highWater.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			return work.get();
		}
		finally {
			this.inFlight.decrementAndGet();
			permits.release();
		}
	}

	/** The most connections the trackers may hold at once: both budgets. */
	int budget() {
		return this.writes + this.connects;
	}

	/**
	 * The most tracker transactions and connects open at once so far (tests check it).
	 */
	int highWater() {
		return this.highWater.get();
	}

}
