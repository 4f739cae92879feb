package io.towerline.mikrotik.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceReader;
import io.towerline.mikrotik.wire.SentenceWriter;
import io.towerline.mikrotik.wire.WireProtocolException;
import org.jspecify.annotations.Nullable;

/**
 * One API connection. The reading thread handles login, {@code /cancel} and {@code /quit}
 * itself and starts every other command on its own virtual thread, so tagged commands run
 * concurrently and per-command latency does not serialise a pipeline; one writer thread
 * owns the socket's output.
 */
final class ApiSession implements Runnable {

	private static final System.Logger log = System.getLogger(ApiSession.class.getName());

	/**
	 * Commands are small; a fleet of a thousand routers holds thousands of idle
	 * connections, so the buffer stays small too (longer sentences just take more reads).
	 */
	private static final int READ_BUFFER = 8192;

	private final Socket socket;

	private final SimulatedRouter router;

	private final SimulatorFaults faults;

	private final SimulatorLogin login;

	private final Consumer<Sentence> recorder;

	private final SessionWriter writer;

	private final Map<String, Thread> running = new ConcurrentHashMap<>();

	private volatile boolean loggedIn;

	ApiSession(Socket socket, SimulatedRouter router, SimulatorFaults faults, SimulatorLogin login,
			Consumer<Sentence> recorder) {
		this.socket = socket;
		this.router = router;
		this.faults = faults;
		this.login = login;
		this.recorder = recorder;
		this.writer = new SessionWriter(socket);
	}

	@Override
	public void run() {
		Thread.ofVirtual().name("simulator-writer").start(this.writer);
		try {
			this.socket.setTcpNoDelay(true);
			SentenceReader reader = new SentenceReader(
					new BufferedInputStream(this.socket.getInputStream(), READ_BUFFER));
			Sentence sentence;
			while ((sentence = reader.read()) != null) {
				this.recorder.accept(sentence);
				if (!handle(ApiRequest.parse(sentence))) {
					break;
				}
			}
		}
		catch (WireProtocolException ex) {
			fatal("protocol error: " + ex.getMessage());
		}
		catch (IOException ex) {
			log.log(Level.DEBUG, "session ended: {0}", ex.getMessage());
		}
		finally {
			this.running.values().forEach(Thread::interrupt);
			this.writer.closeAfterQueued();
		}
	}

	/** Handles one sentence; false ends the session. */
	private boolean handle(ApiRequest request) {
		if (request.path().equals("/quit")) {
			fatal("session terminated on request");
			return false;
		}
		if (!this.loggedIn) {
			if (!request.path().equals("/login")) {
				fatal("not logged in");
				return false;
			}
			this.loggedIn = this.login.handle(request, channel(request.tag()));
			return true;
		}
		if (request.path().equals("/cancel")) {
			cancel(request);
			return true;
		}
		String fatal = this.faults.takeFatal();
		if (fatal != null) {
			fatal(fatal);
			return false;
		}
		FlakyLink.Fate fate = this.faults.takeCut(request.path()) ? FlakyLink.Fate.CUT : this.faults.drawFate();
		if (fate == FlakyLink.Fate.FATAL) {
			fatal("flaky link");
			return false;
		}
		if (fate == FlakyLink.Fate.DROP) {
			// the command is lost with the connection: nothing runs, nothing is answered
			this.writer.closeQuietly();
			return false;
		}
		int dropAfterRows = this.faults.takeDropAfterRows();
		String key = (request.tag() != null) ? request.tag() : "untagged-" + System.nanoTime();
		Thread command = Thread.ofVirtual().name("simulator-command").unstarted(() -> {
			try {
				execute(request, dropAfterRows, fate);
			}
			finally {
				this.running.remove(key, Thread.currentThread());
			}
		});
		this.running.put(key, command);
		command.start();
		return true;
	}

	private void execute(ApiRequest request, int dropAfterRows, FlakyLink.Fate fate) {
		ReplyChannel reply = channel(request.tag());
		LiveStreams streams = this.router.liveStreams();
		reply.onLive(() -> streams.opened(request.path()));
		if (dropAfterRows >= 0) {
			reply.dropAfterRows(dropAfterRows);
		}
		if (fate == FlakyLink.Fate.CUT) {
			reply.cutMidSentence();
		}
		try {
			Duration latency = (fate == FlakyLink.Fate.SLOW) ? this.faults.latency().plus(this.faults.slowDelay())
					: this.faults.latency();
			if (!latency.isZero()) {
				Thread.sleep(latency);
			}
			SimulatedCommand command = this.router.commands().find(request.path());
			if (command == null) {
				boolean menuKnown = this.router.commands().knowsMenu(request.menu());
				reply.fail(0, menuKnown ? "no such command" : "no such command prefix");
				return;
			}
			command.run(request, reply);
		}
		catch (InterruptedException ex) {
			reply.fail(2, "interrupted");
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "simulated command " + request.path() + " failed", ex);
			reply.fail(4, "failure: simulator error");
		}
		finally {
			if (reply.wasLive()) {
				streams.closed(request.path());
			}
		}
	}

	private void cancel(ApiRequest request) {
		if (this.faults.ignoreCancel()) {
			return;
		}
		String victim = request.attribute("tag");
		if (victim == null) {
			this.running.values().forEach(Thread::interrupt);
		}
		else {
			Thread thread = this.running.get(victim);
			if (thread != null) {
				thread.interrupt();
			}
		}
		channel(request.tag()).done();
	}

	private ReplyChannel channel(@Nullable String tag) {
		return new ReplyChannel(this.writer, tag, this.faults, this.router.version().emptyReplies());
	}

	/**
	 * {@code !fatal} carries its reason as a bare word, not {@code =message=}
	 * (DOC-NOTES).
	 */
	private void fatal(String reason) {
		this.writer.send(SentenceWriter
			.encode(Sentence.ofWords(List.of(RawText.bytes("!fatal"), RawText.bytes(RawText.fromText(reason))))));
		this.writer.closeAfterQueued();
	}

}
