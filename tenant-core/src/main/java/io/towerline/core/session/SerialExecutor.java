package io.towerline.core.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time in submission order on a shared executor (virtual threads),
 * holding no thread while idle: a router's tracker is driven by its own queue without a
 * thread of its own.
 */
final class SerialExecutor implements Executor {

	private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Executor base;

	SerialExecutor(Executor base) {
		this.base = base;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.base.execute(this::drain);
			}
			catch (RuntimeException ex) {
				// the base executor is shut down: nothing more will run
				this.draining.set(false);
			}
		}
	}

	private void drain() {
		try {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.warn("A session tracker task failed: {}", ex.toString());
				}
			}
		}
		finally {
			this.draining.set(false);
			if (!this.tasks.isEmpty()) {
				schedule();
			}
		}
	}

}
