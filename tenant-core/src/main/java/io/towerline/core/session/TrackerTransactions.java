package io.towerline.core.session;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trackers' transactions, at most {@code budget} at once however many trackers run:
 * each holds a pooled connection, and a thousand trackers starting together once took all
 * of them, so queries waited seconds behind tracker writes (issue 9, ADR 0130). A tracker
 * over the budget waits here, on its virtual thread, instead of in the pool's queue in
 * front of everyone else. Fair: trackers get their turns in arrival order.
 */
final class TrackerTransactions {

	private final TransactionTemplate transactions;

	private final Semaphore permits;

	private final int budget;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger highWater = new AtomicInteger();

	/** Set while this thread holds a permit through {@link #holding}. */
	private final ThreadLocal<Boolean> holding = new ThreadLocal<>();

	TrackerTransactions(TransactionTemplate transactions, int budget) {
		this.transactions = transactions;
		this.budget = budget;
		this.permits = new Semaphore(budget, true);
	}

	<T> @Nullable T execute(TransactionCallback<T> work) {
		if (this.holding.get() != null) {
			return this.transactions.execute(work);
		}
		this.permits.acquireUninterruptibly();
		this.highWater.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			return this.transactions.execute(work);
		}
		finally {
			this.inFlight.decrementAndGet();
			this.permits.release();
		}
	}

	/**
	 * Runs {@code work} on one permit throughout, its transactions included: for work
	 * that also writes outside them (a connect's audited commands), which must count
	 * against the budget too. Used for rare work only, since the permit is held while the
	 * router answers.
	 */
	void holding(Runnable work) {
		if (this.holding.get() != null) {
			work.run();
			return;
		}
		this.permits.acquireUninterruptibly();
		this.highWater.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		this.holding.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			this.holding.remove();
			this.inFlight.decrementAndGet();
			this.permits.release();
		}
	}

	void executeWithoutResult(Consumer<TransactionStatus> work) {
		execute((status) -> {
			work.accept(status);
			return null;
		});
	}

	int budget() {
		return this.budget;
	}

	/** The most tracker transactions open at once so far (tests check the bound). */
	int highWater() {
		return this.highWater.get();
	}

}
