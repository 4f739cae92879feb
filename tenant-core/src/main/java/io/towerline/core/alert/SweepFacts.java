package io.towerline.core.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.health.RouterTransition;
import io.towerline.core.operation.RouterOperation;

/**
 * What one tenant's sweep knows, each part read at most once and only when a rule needs
 * it.
 */
final class SweepFacts {

	private final Lazy<List<RouterFactsRow>> routers;

	private final List<RouterTransition> transitions;

	private final Lazy<Map<UUID, Long>> unrepairedDrift;

	private final Lazy<List<RouterOperation>> failedOperations;

	private final Lazy<List<AlertSignal>> backupSignals;

	private final SessionCounts sessionCounts;

	SweepFacts(Supplier<List<RouterFactsRow>> routers, List<RouterTransition> transitions,
			Supplier<Map<UUID, Long>> unrepairedDrift, Supplier<List<RouterOperation>> failedOperations,
			Supplier<List<AlertSignal>> backupSignals, SessionCounts sessionCounts) {
		this.routers = new Lazy<>(routers);
		this.transitions = transitions;
		this.unrepairedDrift = new Lazy<>(unrepairedDrift);
		this.failedOperations = new Lazy<>(failedOperations);
		this.backupSignals = new Lazy<>(backupSignals);
		this.sessionCounts = sessionCounts;
	}

	List<RouterFactsRow> routers() {
		return this.routers.get();
	}

	List<RouterTransition> transitions() {
		return this.transitions;
	}

	Map<UUID, Long> unrepairedDrift() {
		return this.unrepairedDrift.get();
	}

	List<RouterOperation> failedOperations() {
		return this.failedOperations.get();
	}

	List<AlertSignal> backupSignals() {
		return this.backupSignals.get();
	}

	SessionCounts sessionCounts() {
		return this.sessionCounts;
	}

	private static final class Lazy<T> {

		private final Supplier<T> supplier;

		private T value;

		Lazy(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		T get() {
			if (this.value == null) {
				this.value = this.supplier.get();
			}
			return this.value;
		}

	}

}
