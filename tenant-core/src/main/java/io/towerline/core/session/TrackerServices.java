package io.towerline.core.session;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.towerline.core.usage.UsageRecorder;
import io.towerline.mikrotik.client.RouterClient;

import org.springframework.context.ApplicationEventPublisher;

/**
 * What the session trackers of a replica share: one scheduler thread for every timer and
 * virtual threads for the work, so nothing costs a thread per router.
 */
record TrackerServices(SessionProperties properties, SessionStore store, UsageRecorder usage, ClientLookup clients,
		TrackerTransactions transactions, ApplicationEventPublisher events, SessionChangeFeed changes, Clock clock,
		ScheduledExecutorService scheduler, ExecutorService workers) {

	static TrackerServices of(SessionProperties properties, SessionStore store, UsageRecorder usage,
			ClientLookup clients, TrackerTransactions transactions, ApplicationEventPublisher events,
			SessionChangeFeed changes, Clock clock) {
		return new TrackerServices(properties, store, usage, clients, transactions, events, changes, clock,
				newScheduler(), newWorkers());
	}

	/** The same, with new executors: a stop ends the old ones for good. */
	TrackerServices restarted() {
		return of(this.properties, this.store, this.usage, this.clients, this.transactions, this.events, this.changes,
				this.clock);
	}

	private static ScheduledExecutorService newScheduler() {
		return Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("session-tracking").factory());
	}

	private static ExecutorService newWorkers() {
		return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("session-tracker-", 0).factory());
	}

	/** The pooled client of a router of the bound tenant. */
	interface ClientLookup {

		RouterClient client(UUID routerId);

	}

}
