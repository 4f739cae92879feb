package io.towerline.core.session;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The trackers' two budgets (ADR 0259): connects, which hold their permit while a router
 * answers, and routine writes, which must never wait behind them.
 */
class TrackerTransactionsTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger openTransactions = new AtomicInteger();

	private final AtomicInteger mostOpenTransactions = new AtomicInteger();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void shouldRunRoutineWritesWhileEveryConnectWaitsForItsRouter() throws Exception {
		TrackerTransactions transactions = new TrackerTransactions(countingTransactions(), 1, 2);
		CountDownLatch routersAnswer = connectToSilentRouters(transactions, 2);
		// both connect permits are held by routers that do not answer: a sample's write
		// still goes through, twice in a row on the one write permit
		for (int i = 0; i < 2; i++) {
			Future<Integer> write = this.threads.submit(() -> transactions.execute((status) -> 1));
			assertThat(write.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
		}
		routersAnswer.countDown();
	}

	@Test
	void shouldHoldUpAThirdConnectUntilAConnectPermitIsFree() throws Exception {
		TrackerTransactions transactions = new TrackerTransactions(countingTransactions(), 1, 2);
		CountDownLatch routersAnswer = connectToSilentRouters(transactions, 2);
		CountDownLatch thirdConnected = new CountDownLatch(1);
		Future<?> third = this.threads.submit(() -> transactions.connecting(thirdConnected::countDown));
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> third.get(300, TimeUnit.MILLISECONDS));
		assertThat(thirdConnected.getCount()).isOne();
		routersAnswer.countDown();
		third.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(thirdConnected.getCount()).isZero();
	}

	@Test
	void shouldRunAConnectsOwnTransactionsOnItsConnectPermit() throws Exception {
		TrackerTransactions transactions = new TrackerTransactions(countingTransactions(), 1, 1);
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch writeMayEnd = new CountDownLatch(1);
		this.threads.submit(() -> transactions.execute((status) -> {
			writing.countDown();
			await(writeMayEnd);
			return null;
		}));
		await(writing);
		// the only write permit is taken: a connect's first read still commits, on the
		// connect's own permit, instead of waiting for the write (or for itself)
		Future<Integer> connect = this.threads.submit(() -> {
			AtomicInteger read = new AtomicInteger();
			transactions.connecting(() -> read.set(transactions.execute((status) -> 200)));
			return read.get();
		});
		assertThat(connect.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
		writeMayEnd.countDown();
	}

	@Test
	void shouldNeverOpenMoreTransactionsThanBothBudgets() throws Exception {
		TrackerTransactions transactions = new TrackerTransactions(countingTransactions(), 2, 3);
		CountDownLatch go = new CountDownLatch(1);
		Future<?>[] work = new Future<?>[200];
		for (int i = 0; i < work.length; i++) {
			boolean connect = i % 3 == 0;
			work[i] = this.threads.submit(() -> {
				await(go);
				if (connect) {
					transactions.connecting(() -> transactions.execute((status) -> pause()));
				}
				else {
					transactions.execute((status) -> pause());
				}
			});
		}
		go.countDown();
		for (Future<?> each : work) {
			each.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		assertThat(this.mostOpenTransactions.get()).isEqualTo(5);
		assertThat(transactions.highWater()).isEqualTo(5);
		assertThat(transactions.budget()).isEqualTo(5);
	}

	/**
	 * Starts {@code connects} connects whose routers do not answer until the returned
	 * latch is counted down, and returns once all of them hold their permits.
	 */
	private CountDownLatch connectToSilentRouters(TrackerTransactions transactions, int connects) {
		CountDownLatch routersAnswer = new CountDownLatch(1);
		CountDownLatch allConnecting = new CountDownLatch(connects);
		for (int i = 0; i < connects; i++) {
			this.threads.submit(() -> transactions.connecting(() -> {
				allConnecting.countDown();
				await(routersAnswer);
			}));
		}
		await(allConnecting);
		return routersAnswer;
	}

	/**
	 * Stays in its transaction until as many transactions were open at once as both
	 * budgets allow, so the budgets are filled by the tasks waiting, not by timing.
	 */
	private Object pause() {
		Awaitility.await()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5))
			.atMost(PATIENCE)
			.until(() -> this.mostOpenTransactions.get() >= 5);
		return "done";
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Transactions that cost nothing and are counted while open. */
	private TransactionTemplate countingTransactions() {
		return new TransactionTemplate(new PlatformTransactionManager() {

			@Override
			public TransactionStatus getTransaction(TransactionDefinition definition) {
				TrackerTransactionsTests.this.mostOpenTransactions
					.accumulateAndGet(TrackerTransactionsTests.this.openTransactions.incrementAndGet(), Math::max);
				return new SimpleTransactionStatus();
			}

			@Override
			public void commit(TransactionStatus status) {
				TrackerTransactionsTests.this.openTransactions.decrementAndGet();
			}

			@Override
			public void rollback(TransactionStatus status) {
				TrackerTransactionsTests.this.openTransactions.decrementAndGet();
			}

		});
	}

}
