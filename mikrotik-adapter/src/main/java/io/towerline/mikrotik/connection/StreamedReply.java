package io.towerline.mikrotik.connection;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a streaming command's rows to the caller's callbacks on a dedicated virtual
 * thread. A callback that throws is logged and the stream goes on; a callback that blocks
 * delays only its own stream. The connection's reader is never involved (D8, D9).
 */
final class StreamedReply implements ReplyHandler {

	private static final Logger log = LoggerFactory.getLogger(StreamedReply.class);

	private sealed interface Event {

	}

	private record RowEvent(Row row) implements Event {
	}

	private record TrapEvent(@Nullable Integer category, String message) implements Event {
	}

	private record EndEvent(@Nullable RouterException failure) implements Event {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final String router;

	private final String path;

	private final Consumer<Row> onRow;

	private final Consumer<RouterException> onError;

	private volatile @Nullable RouterStream stream;

	StreamedReply(String router, String path, Consumer<Row> onRow, Consumer<RouterException> onError) {
		this.router = router;
		this.path = path;
		this.onRow = onRow;
		this.onError = onError;
	}

	void start(RouterStream stream) {
		this.stream = stream;
		Thread.ofVirtual().name("routeros-stream " + this.path).start(this::dispatch);
	}

	@Override
	public void row(Row row) {
		this.events.add(new RowEvent(row));
	}

	@Override
	public void trap(@Nullable Integer category, String message) {
		this.events.add(new TrapEvent(category, message));
	}

	@Override
	public void done(Row attributes) {
		this.events.add(new EndEvent(null));
	}

	@Override
	public void failed(RouterException failure) {
		this.events.add(new EndEvent(failure));
	}

	private void dispatch() {
		try {
			while (true) {
				Event event = this.events.take();
				if (event instanceof RowEvent(Row row)) {
					if (isOpen()) {
						deliver(() -> this.onRow.accept(row));
					}
				}
				else if (event instanceof TrapEvent(Integer category, String message)) {
					// the "interrupted" trap is the router confirming our own /cancel,
					// not an error
					if (isOpen()) {
						deliver(() -> this.onError
							.accept(new RouterCommandRejectedException(this.router, this.path, category, message)));
					}
				}
				else if (event instanceof EndEvent(RouterException failure)) {
					if (failure != null && isOpen()) {
						deliver(() -> this.onError.accept(failure));
					}
					RouterStream current = this.stream;
					if (current != null) {
						current.ended();
					}
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isOpen() {
		RouterStream current = this.stream;
		return current == null || current.isOpen();
	}

	private void deliver(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			log.warn("Stream callback for {} on {} threw; the stream continues", this.path, this.router, ex);
		}
	}

}
