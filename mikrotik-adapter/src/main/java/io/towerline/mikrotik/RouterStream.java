package io.towerline.mikrotik;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running {@code listen} or {@code monitor-traffic}. Closing it sends {@code /cancel}
 * for its tag; after that no more items are delivered. A stream also ends on its own when
 * the connection breaks (the error callback says so).
 */
public final class RouterStream implements AutoCloseable {

	private final Runnable cancel;

	private final AtomicBoolean open = new AtomicBoolean(true);

	/**
	 * @param cancel stops the command on the router; called at most once
	 */
	public RouterStream(Runnable cancel) {
		this.cancel = cancel;
	}

	public boolean isOpen() {
		return this.open.get();
	}

	/**
	 * Marks the stream ended without cancelling (the router or the connection ended it).
	 */
	public void ended() {
		this.open.set(false);
	}

	@Override
	public void close() {
		if (this.open.compareAndSet(true, false)) {
			this.cancel.run();
		}
	}

}
