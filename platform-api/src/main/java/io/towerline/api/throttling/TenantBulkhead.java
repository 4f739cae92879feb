package io.towerline.api.throttling;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Each tenant's share of the operations running at once in this replica: a tenant may run
 * {@code share} GraphQL operations concurrently; one more waits up to {@code wait} for a
 * place (parked, so it uses no CPU) and is refused after that. Request threads are
 * virtual, so what one tenant could otherwise occupy is the CPU and the database pool,
 * and a share keeps both available to the others however many requests it sends.
 */
final class TenantBulkhead {

	private final int share;

	private final long waitNanos;

	/**
	 * One per tenant seen; tenants are checked against the catalog before they get here.
	 */
	private final ConcurrentMap<String, Semaphore> places = new ConcurrentHashMap<>();

	TenantBulkhead(int share, Duration wait) {
		this.share = share;
		this.waitNanos = wait.toNanos();
	}

	/** Whether a place was taken; if so, {@link #leave} must follow. */
	boolean enter(String tenant) {
		if (this.share <= 0) {
			return true;
		}
		Semaphore semaphore = semaphore(tenant);
		if (semaphore.tryAcquire()) {
			return true;
		}
		try {
			return semaphore.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void leave(String tenant) {
		if (this.share > 0) {
			semaphore(tenant).release();
		}
	}

	/** Operations of {@code tenant} running now. */
	int running(String tenant) {
		Semaphore semaphore = this.places.get(tenant);
		return (semaphore != null) ? this.share - semaphore.availablePermits() : 0;
	}

	private Semaphore semaphore(String tenant) {
		return this.places.computeIfAbsent(tenant, (key) -> new Semaphore(this.share));
	}

}
