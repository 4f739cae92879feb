package io.towerline.core.event;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a transaction's events gather is written once, before commit, in the order added;
 * nothing on rollback or outside a transaction; an inner REQUIRES_NEW transaction writes
 * its own items at its own commit.
 */
class BeforeCommitTests {

	private final List<List<String>> writes = new ArrayList<>();

	private final TransactionTemplate transactions = new TransactionTemplate(new InMemoryTransactions());

	@Test
	void shouldWriteATransactionsItemsOnceBeforeCommit() {
		this.transactions.executeWithoutResult((tx) -> {
			add("a");
			add("b");
			add("c");
			assertThat(this.writes).isEmpty();
		});
		assertThat(this.writes).containsExactly(List.of("a", "b", "c"));
	}

	@Test
	void shouldWriteNothingOnRollbackOrOutsideATransaction() {
		this.transactions.executeWithoutResult((tx) -> {
			add("a");
			tx.setRollbackOnly();
		});
		add("b");
		assertThat(this.writes).isEmpty();
	}

	@Test
	void shouldKeepAnInnerTransactionsItemsToItself() {
		TransactionTemplate inner = new TransactionTemplate(this.transactions.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.executeWithoutResult((tx) -> {
			add("outer-1");
			inner.executeWithoutResult((innerTx) -> add("inner"));
			assertThat(this.writes).containsExactly(List.of("inner"));
			add("outer-2");
		});
		assertThat(this.writes).containsExactly(List.of("inner"), List.of("outer-1", "outer-2"));
	}

	private void add(String item) {
		BeforeCommit.add("test", item, this.writes::add);
	}

	/** Transactions with nothing behind them: only Spring's synchronization runs. */
	private static final class InMemoryTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object[1];
		}

		@Override
		protected boolean isExistingTransaction(Object transaction) {
			return TransactionSynchronizationManager.isActualTransactionActive();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected Object doSuspend(Object transaction) {
			return new Object();
		}

		@Override
		protected void doResume(Object transaction, Object suspendedResources) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
