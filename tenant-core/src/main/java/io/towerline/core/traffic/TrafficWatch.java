package io.towerline.core.traffic;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One watcher's place on a shared interface stream; closing it leaves (the last one to
 * leave stops the router's stream). Closing twice is harmless.
 */
public final class TrafficWatch implements AutoCloseable {

	private final Runnable leave;

	private final AtomicBoolean open = new AtomicBoolean(true);

	TrafficWatch(Runnable leave) {
		this.leave = leave;
	}

	@Override
	public void close() {
		if (this.open.compareAndSet(true, false)) {
			this.leave.run();
		}
	}

}
