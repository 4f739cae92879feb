package io.towerline.mikrotik.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.command.Reply;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;

/**
 * Gathers a command's rows until {@code !done} for a caller blocked in {@link #await}.
 * The latch publishes the reader thread's writes to the caller.
 */
final class CollectedReply implements ReplyHandler {

	/**
	 * A {@code !trap}, kept as data so the exception is created (with a useful stack) on
	 * the caller's thread.
	 */
	record Trap(@Nullable Integer category, String message) {
	}

	private final CountDownLatch finished = new CountDownLatch(1);

	private final List<Row> rows = new ArrayList<>();

	private @Nullable Trap trap;

	private @Nullable Row done;

	private @Nullable RouterException failure;

	@Override
	public void row(Row row) {
		this.rows.add(row);
	}

	@Override
	public void trap(@Nullable Integer category, String message) {
		if (this.trap == null) {
			this.trap = new Trap(category, message);
		}
	}

	@Override
	public void done(Row attributes) {
		this.done = attributes;
		this.finished.countDown();
	}

	@Override
	public void failed(RouterException failure) {
		this.failure = failure;
		this.finished.countDown();
	}

	/**
	 * @return false when the timeout passed first
	 */
	boolean await(Duration timeout) throws InterruptedException {
		return this.finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Nullable Trap trapped() {
		return this.trap;
	}

	@Nullable RouterException failure() {
		return this.failure;
	}

	Reply reply() {
		return new Reply(List.copyOf(this.rows), (this.done != null) ? this.done : Row.empty());
	}

}
