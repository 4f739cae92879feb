package io.towerline.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gathers what a transaction's events ask to write and writes it in one go just before
 * the transaction commits: an evaluation publishing a thousand events then costs a few
 * statements, not a few thousand. Must be called when the event is published (a plain
 * event listener): a synchronization registered while the transaction is already
 * committing would never run. Like a before-commit transactional listener, it ignores
 * events published outside a transaction; what arrives after the batch was written (an
 * event published by another committing step) is written at once.
 */
public final class BeforeCommit {

	private BeforeCommit() {
	}

	/**
	 * Adds {@code item} to the current transaction's batch under {@code key};
	 * {@code write} receives the whole batch before commit, in the order added.
	 */
	@SuppressWarnings("unchecked")
	public static <T> void add(String key, T item, Consumer<List<T>> write) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		String resource = BeforeCommit.class.getName() + ":" + key;
		Batch<T> batch = (Batch<T>) TransactionSynchronizationManager.getResource(resource);
		if (batch == null) {
			Batch<T> created = new Batch<>(write);
			batch = created;
			TransactionSynchronizationManager.bindResource(resource, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public int getOrder() {
					// after the transactional event listeners, which may still add
					return Ordered.LOWEST_PRECEDENCE;
				}

				// an inner REQUIRES_NEW transaction gets a batch of its own, written at
				// its
				// own commit, not the suspended outer one's
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(resource);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(resource, created);
				}

				@Override
				public void beforeCommit(boolean readOnly) {
					created.write();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(resource);
				}

			});
		}
		batch.add(item);
	}

	private static final class Batch<T> {

		private final Consumer<List<T>> write;

		private List<T> items = new ArrayList<>();

		private boolean written;

		Batch(Consumer<List<T>> write) {
			this.write = write;
		}

		void add(T item) {
			if (this.written) {
				this.write.accept(List.of(item));
			}
			else {
				this.items.add(item);
			}
		}

		void write() {
			this.written = true;
			List<T> all = this.items;
			this.items = List.of();
			if (!all.isEmpty()) {
				this.write.accept(all);
			}
		}

	}

}
