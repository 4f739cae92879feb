package io.towerline.mikrotik.connection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.RouterTimeoutException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.Reply;
import io.towerline.mikrotik.command.Row;
import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceReader;
import io.towerline.mikrotik.wire.SentenceWriter;
import io.towerline.mikrotik.wire.WireProtocolException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in API connection, safe for any number of concurrent callers. Every command
 * gets its own tag; a lock serialises whole sentences onto the socket (D7); one reader on
 * a virtual thread hands replies to {@link PendingReplies} by tag and ignores
 * {@code !empty} (D1). When the socket ends, breaks or the router sends {@code !fatal},
 * every waiting caller fails at once and the connection is marked dead so the pool
 * replaces it (D5, D6). A caller that times out sends {@code /cancel}; a router that does
 * not confirm the cancel within the grace period gets its connection closed (D10).
 */
public final class RouterConnection implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RouterConnection.class);

	/**
	 * Big enough that a 10k-row print costs a few hundred reads; small enough that 1,000
	 * idle connections stay cheap.
	 */
	private static final int BUFFER_BYTES = 16 * 1024;

	private final Socket socket;

	private final SentenceReader reader;

	private final OutputStream out;

	private final String router;

	private final Duration cancelGrace;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final PendingReplies pending;

	private final AtomicLong tags = new AtomicLong();

	private final AtomicReference<@Nullable RouterException> failure = new AtomicReference<>();

	private volatile long lastUsedNanos = System.nanoTime();

	private RouterConnection(Socket socket, SentenceReader reader, OutputStream out, String router,
			Duration cancelGrace) {
		this.socket = socket;
		this.reader = reader;
		this.out = out;
		this.router = router;
		this.cancelGrace = cancelGrace;
		this.pending = new PendingReplies(router);
	}

	/**
	 * Logs in on a connected socket (plain or TLS, handshake done) and starts the reader.
	 * @param router {@code host:port}, for messages and thread names
	 * @throws RouterException when the login fails; the socket is closed then
	 */
	public static RouterConnection open(Socket socket, String router, String username, char[] password,
			Duration loginTimeout, Duration cancelGrace) {
		try {
			socket.setTcpNoDelay(true);
			socket.setKeepAlive(true);
			socket.setSoTimeout((int) loginTimeout.toMillis());
			SentenceReader reader = new SentenceReader(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES));
			OutputStream out = socket.getOutputStream();
			new LoginExchange(reader, out, router).login(username, password);
			socket.setSoTimeout(0);
			RouterConnection connection = new RouterConnection(socket, reader, out, router, cancelGrace);
			Thread.ofVirtual().name("routeros-reader " + router).start(connection::readLoop);
			return connection;
		}
		catch (SocketTimeoutException ex) {
			closeQuietly(socket);
			throw new RouterTimeoutException(router, "login", loginTimeout);
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new RouterUnreachableException(router, Reason.CONNECTION_LOST,
					"connection broke during login: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(socket);
			throw ex;
		}
	}

	/**
	 * Runs a command and waits for its {@code !done}.
	 * @throws RouterCommandRejectedException on {@code !trap}
	 * @throws RouterTimeoutException after cancelling the command on the router
	 * @throws RouterUnreachableException when the connection breaks
	 */
	public Reply execute(Command command, Duration timeout) {
		CollectedReply reply = new CollectedReply();
		String tag = send(command, reply);
		try {
			if (!reply.await(timeout)) {
				cancel(tag);
				throw new RouterTimeoutException(this.router, command.path(), timeout);
			}
		}
		catch (InterruptedException ex) {
			cancel(tag);
			Thread.currentThread().interrupt();
			throw new RouterTimeoutException(this.router, command.path() + " (caller interrupted)", timeout);
		}
		return outcome(command, reply);
	}

	/**
	 * Sends a command whose outcome arrives later through {@code whenDone} (on the reader
	 * thread: keep it short).
	 */
	public void submit(Command command, Consumer<CommandResult> whenDone) {
		send(command, new CallbackReply(command, this, whenDone));
	}

	/**
	 * Starts a streaming command; see {@link StreamedReply} for where the callbacks run.
	 */
	public RouterStream stream(Command command, Consumer<Row> onRow, Consumer<RouterException> onError) {
		StreamedReply handler = new StreamedReply(this.router, command.path(), onRow, onError);
		AtomicReference<@Nullable String> tag = new AtomicReference<>();
		RouterStream stream = new RouterStream(() -> {
			String sent = tag.get();
			if (sent != null) {
				cancel(sent);
			}
		});
		handler.start(stream);
		tag.set(send(command, handler));
		return stream;
	}

	Reply outcome(Command command, CollectedReply reply) {
		RouterException broken = reply.failure();
		if (broken != null) {
			throw CallerFailure.of(this.router, broken);
		}
		CollectedReply.Trap trap = reply.trapped();
		if (trap != null) {
			throw new RouterCommandRejectedException(this.router, command.path(), trap.category(), trap.message());
		}
		return reply.reply();
	}

	private String send(Command command, ReplyHandler handler) {
		ensureOpen();
		String tag = Long.toString(this.tags.incrementAndGet(), 36);
		byte[] bytes = SentenceWriter.encode(command.toSentence(tag));
		this.pending.add(tag, handler);
		if (this.failure.get() != null) {
			// the connection died between the check and the registration; nobody else
			// will notify this handler
			this.pending.remove(tag);
			ensureOpen();
		}
		this.writeLock.lock();
		try {
			this.out.write(bytes);
			this.out.flush();
		}
		catch (IOException ex) {
			fail(new RouterUnreachableException(this.router, Reason.CONNECTION_LOST, "write failed: " + ex.getMessage(),
					ex));
			throw CallerFailure.of(this.router, this.failure.get());
		}
		finally {
			this.writeLock.unlock();
		}
		this.lastUsedNanos = System.nanoTime();
		return tag;
	}

	/**
	 * Sends {@code /cancel} for a tag. The router then ends the command with an
	 * "interrupted" trap and {@code !done}; if it has not within the grace period, the
	 * connection is treated as wedged and closed.
	 */
	void cancel(String tag) {
		if (!this.pending.contains(tag) || !isOpen()) {
			return;
		}
		try {
			send(Command.cancel(tag), ReplyHandler.IGNORE);
		}
		catch (RouterException ex) {
			return;
		}
		Thread.ofVirtual().name("routeros-cancel-watch").start(() -> {
			try {
				Thread.sleep(this.cancelGrace);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (this.pending.contains(tag)) {
				log.warn("{} did not confirm /cancel of tag {} within {} ms; closing the connection", this.router, tag,
						this.cancelGrace.toMillis());
				fail(new RouterUnreachableException(this.router, Reason.CONNECTION_LOST,
						"router did not answer /cancel; connection closed", null));
			}
		});
	}

	private void readLoop() {
		try {
			while (true) {
				Sentence sentence = this.reader.read();
				if (sentence == null) {
					fail(new RouterUnreachableException(this.router, Reason.CONNECTION_LOST,
							"router closed the connection", null));
					return;
				}
				dispatch(sentence);
			}
		}
		catch (WireProtocolException ex) {
			fail(new RouterProtocolException(this.router, ex.getMessage(), ex));
		}
		catch (IOException ex) {
			fail(new RouterUnreachableException(this.router, Reason.CONNECTION_LOST,
					"connection broke: " + ex.getMessage(), ex));
		}
		catch (RuntimeException ex) {
			// a bug must not leave callers waiting on a connection nobody reads
			fail(new RouterProtocolException(this.router, "reply reader failed: " + ex, ex));
		}
	}

	private void dispatch(Sentence sentence) {
		String type = sentence.first();
		if (type.equals("!fatal")) {
			fail(new RouterUnreachableException(this.router, Reason.SESSION_TERMINATED,
					"router ended the session: " + String.join(" ", sentence.bareWords()), null));
			return;
		}
		if (type.equals("!empty")) {
			// RouterOS 7.18+: "nothing to reply" before !done; the collected reply is
			// simply empty (D1)
			return;
		}
		this.pending.deliver(sentence);
	}

	private void fail(RouterException cause) {
		if (!this.failure.compareAndSet(null, cause)) {
			return;
		}
		closeQuietly(this.socket);
		this.pending.failAll(cause);
	}

	private void ensureOpen() {
		RouterException broken = this.failure.get();
		if (broken != null) {
			throw CallerFailure.of(this.router, broken);
		}
	}

	public boolean isOpen() {
		return this.failure.get() == null;
	}

	/** Commands sent and not yet finished (streams included). */
	public int inFlight() {
		return this.pending.size();
	}

	public long lastUsedNanos() {
		return this.lastUsedNanos;
	}

	public String router() {
		return this.router;
	}

	@Override
	public void close() {
		fail(new RouterUnreachableException(this.router, Reason.CLIENT_CLOSED, "connection closed by the client",
				null));
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing more to do
		}
	}

}
