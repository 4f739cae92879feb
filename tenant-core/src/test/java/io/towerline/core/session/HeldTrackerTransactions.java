package io.towerline.core.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions a test replica's trackers run, counted from outside the budget that
 * bounds them (each holds a pooled connection), and held open until the test lets them
 * finish: the worst a tracker storm can do to the pool, at any machine speed.
 */
final class HeldTrackerTransactions extends TransactionTemplate {

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger mostOpen = new AtomicInteger();

	private final CountDownLatch released = new CountDownLatch(1);

	HeldTrackerTransactions(PlatformTransactionManager transactionManager) {
		super(transactionManager);
	}

	@Override
	public <T> @Nullable T execute(TransactionCallback<T> action) {
		return super.execute((status) -> {
			this.mostOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			try {
				this.released.await();
				return action.doInTransaction(status);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while held", ex);
			}
			finally {
				this.open.decrementAndGet();
			}
		});
	}

	/** Lets every held and later transaction run. */
	void release() {
		this.released.countDown();
	}

	/** Tracker transactions (pooled connections) open right now. */
	int open() {
		return this.open.get();
	}

	/** The most open at once so far. */
	int mostOpen() {
		return this.mostOpen.get();
	}

}
