package io.towerline.core.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers tenant-wide lookups (templates, recipients, endpoints, the gateway) for the
 * rest of the current transaction: an evaluation that publishes a thousand events reads
 * them once, not a thousand times. Outside a transaction it does not remember.
 */
public final class PerTransaction {

	private static final Object KEY = PerTransaction.class;

	private PerTransaction() {
	}

	@SuppressWarnings("unchecked")
	public static <T> T get(String key, Supplier<T> load) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return load.get();
		}
		Map<String, Object> values = (Map<String, Object>) TransactionSynchronizationManager.getResource(KEY);
		if (values == null) {
			values = new HashMap<>();
			TransactionSynchronizationManager.bindResource(KEY, values);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
		}
		Object value = values.get(key);
		if (value == null) {
			value = load.get();
			values.put(key, value);
		}
		return (T) value;
	}

}
