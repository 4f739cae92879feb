package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Switches for misbehaviour, flipped by tests while the simulator runs. One-shot faults
 * ({@code next...}) apply to the next command any session receives, then disarm
 * themselves.
 */
public final class SimulatorFaults {

	private volatile Duration latency = Duration.ZERO;

	private volatile Duration rowDelay = Duration.ZERO;

	private volatile boolean tagLast;

	private volatile boolean ignoreCancel;

	private final AtomicInteger dropAfterRows = new AtomicInteger(-1);

	private final AtomicReference<@Nullable String> fatal = new AtomicReference<>();

	private volatile @Nullable FlakyLink flaky;

	private final AtomicReference<@Nullable PathCut> cut = new AtomicReference<>();

	/**
	 * Delay before each command is answered; every command waits on its own thread, so
	 * pipelining still pays off.
	 */
	public SimulatorFaults latency(Duration latency) {
		this.latency = latency;
		return this;
	}

	/** A pause after every reply row: a slow router streaming a large table. */
	public SimulatorFaults rowDelay(Duration rowDelay) {
		this.rowDelay = rowDelay;
		return this;
	}

	/**
	 * Puts {@code .tag} last in replies (as DOC-API's examples do) instead of second (as
	 * real routers do).
	 */
	public SimulatorFaults tagLast(boolean tagLast) {
		this.tagLast = tagLast;
		return this;
	}

	/** A wedged router: {@code /cancel} is swallowed without any reply. */
	public SimulatorFaults ignoreCancel(boolean ignoreCancel) {
		this.ignoreCancel = ignoreCancel;
		return this;
	}

	/**
	 * The next command's reply stops after {@code rows} rows and the connection is closed
	 * mid-reply.
	 */
	public SimulatorFaults dropNextReplyAfterRows(int rows) {
		this.dropAfterRows.set(rows);
		return this;
	}

	/**
	 * The next command is answered with {@code !fatal reason} and the connection closed.
	 */
	public SimulatorFaults fatalOnNextCommand(String reason) {
		this.fatal.set(reason);
		return this;
	}

	/**
	 * A router on a bad link: from now on every command draws its fate from {@code link}
	 * (answered, {@code !fatal}, dropped, reply cut mid-way, or slow).
	 */
	public SimulatorFaults flaky(FlakyLink link) {
		this.flaky = link;
		return this;
	}

	/**
	 * The {@code occurrence}-th command to {@code path} from now on (1: the next one) is
	 * applied and its reply cut mid-sentence, the connection closed: a transfer dropped
	 * at a chosen step. Other commands are answered normally.
	 */
	public SimulatorFaults cutReplyOf(String path, int occurrence) {
		if (occurrence < 1) {
			throw new IllegalArgumentException("occurrence must be 1 or more");
		}
		this.cut.set(new PathCut(path, new AtomicInteger(occurrence)));
		return this;
	}

	/** Back to a well-behaved router. */
	public void reset() {
		this.flaky = null;
		this.latency = Duration.ZERO;
		this.rowDelay = Duration.ZERO;
		this.tagLast = false;
		this.ignoreCancel = false;
		this.dropAfterRows.set(-1);
		this.fatal.set(null);
		this.cut.set(null);
	}

	Duration latency() {
		return this.latency;
	}

	Duration rowDelay() {
		return this.rowDelay;
	}

	boolean tagLast() {
		return this.tagLast;
	}

	boolean ignoreCancel() {
		return this.ignoreCancel;
	}

	int takeDropAfterRows() {
		return this.dropAfterRows.getAndSet(-1);
	}

	/** The fate of the next command on a flaky link; answered normally otherwise. */
	FlakyLink.Fate drawFate() {
		FlakyLink link = this.flaky;
		return (link != null) ? link.draw() : FlakyLink.Fate.ANSWER;
	}

	/** How late a slow reply comes. */
	Duration slowDelay() {
		FlakyLink link = this.flaky;
		return (link != null) ? link.slowDelay() : Duration.ZERO;
	}

	/**
	 * Whether the reply to this command to {@code path} is to be cut (disarms itself
	 * then).
	 */
	boolean takeCut(String path) {
		PathCut armed = this.cut.get();
		if (armed == null || !armed.path().equals(path) || armed.remaining().decrementAndGet() != 0) {
			return false;
		}
		return this.cut.compareAndSet(armed, null);
	}

	private record PathCut(String path, AtomicInteger remaining) {

	}

	@Nullable String takeFatal() {
		return this.fatal.getAndSet(null);
	}

}
