package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceWriter;
import org.jspecify.annotations.Nullable;

/**
 * The replies of one command. Every reply sentence carries the command's tag (second
 * word, or last in the tag-last mode); rows are batched into large writes unless the
 * command streams or the slow-reply fault is on.
 */
final class ReplyChannel {

	private static final int BATCH_BYTES = 64 * 1024;

	private final SessionWriter writer;

	private final @Nullable String tag;

	private final SimulatorFaults faults;

	private final boolean emptyReplies;

	private final List<Sentence> pending = new ArrayList<>();

	private int pendingBytes;

	private int rowsSent;

	private int dropAfterRows = -1;

	private boolean finished;

	private boolean cutMidSentence;

	private Runnable onLive = () -> {
	};

	private boolean live;

	ReplyChannel(SessionWriter writer, @Nullable String tag, SimulatorFaults faults, boolean emptyReplies) {
		this.writer = writer;
		this.tag = tag;
		this.faults = faults;
		this.emptyReplies = emptyReplies;
	}

	/**
	 * Arms the drop-mid-reply fault: the connection closes after this many rows of this
	 * command.
	 */
	void dropAfterRows(int rows) {
		this.dropAfterRows = rows;
	}

	/**
	 * Arms the cut-reply fault: the command runs, but its reply stops inside a sentence
	 * and the connection closes.
	 */
	void cutMidSentence() {
		this.cutMidSentence = true;
	}

	boolean finished() {
		return this.finished;
	}

	/** What to do once the command streams (it is counted as a live stream). */
	void onLive(Runnable onLive) {
		this.onLive = onLive;
	}

	/** A streaming command says it now sees every change; once per command. */
	void live() {
		if (!this.live) {
			this.live = true;
			this.onLive.run();
		}
	}

	boolean wasLive() {
		return this.live;
	}

	/** One {@code !re}; {@code flush} forces it out at once (streams). */
	void row(Map<String, String> attributes, boolean flush) throws InterruptedException {
		if (this.finished) {
			return;
		}
		if (this.dropAfterRows >= 0 && this.rowsSent >= this.dropAfterRows) {
			flush();
			this.finished = true;
			this.writer.closeAfterQueued();
			return;
		}
		Duration delay = this.faults.rowDelay();
		queue(sentence("!re", attributes));
		this.rowsSent++;
		if (flush || !delay.isZero() || this.pendingBytes >= BATCH_BYTES) {
			flush();
		}
		if (!delay.isZero()) {
			Thread.sleep(delay);
		}
	}

	void row(Map<String, String> attributes) throws InterruptedException {
		row(attributes, false);
	}

	/**
	 * {@code !empty}, which only routers from 7.18 send, for a command that has nothing
	 * to reply.
	 */
	void emptyIfSupported() {
		if (this.emptyReplies && !this.finished) {
			queue(sentence("!empty", Map.of()));
		}
	}

	void trap(@Nullable Integer category, String message) {
		if (this.finished) {
			return;
		}
		Map<String, String> attributes = (category != null)
				? Map.of("category", Integer.toString(category), "message", RawText.fromText(message))
				: Map.of("message", RawText.fromText(message));
		queue(sentence("!trap", orderedTrap(attributes)));
	}

	/** {@code !trap} followed by the {@code !done} every command ends with. */
	void fail(@Nullable Integer category, String message) {
		trap(category, message);
		done(Map.of());
	}

	void done(Map<String, String> attributes) {
		if (this.finished) {
			return;
		}
		queue(sentence("!done", attributes));
		flush();
		this.finished = true;
	}

	void done() {
		done(Map.of());
	}

	private static Map<String, String> orderedTrap(Map<String, String> attributes) {
		Map<String, String> ordered = new LinkedHashMap<>();
		if (attributes.containsKey("category")) {
			ordered.put("category", attributes.get("category"));
		}
		ordered.put("message", attributes.get("message"));
		return ordered;
	}

	private Sentence sentence(String reply, Map<String, String> attributes) {
		List<byte[]> words = new ArrayList<>(attributes.size() + 2);
		words.add(RawText.bytes(reply));
		boolean tagLast = this.faults.tagLast();
		if (this.tag != null && !tagLast) {
			words.add(RawText.bytes(".tag=" + this.tag));
		}
		attributes.forEach((name, value) -> words.add(RawText.bytes("=" + name + "=" + value)));
		if (this.tag != null && tagLast) {
			words.add(RawText.bytes(".tag=" + this.tag));
		}
		return Sentence.ofWords(words);
	}

	private void queue(Sentence sentence) {
		this.pending.add(sentence);
		this.pendingBytes += sentence.encodedSize();
	}

	private void flush() {
		if (!this.pending.isEmpty() && this.cutMidSentence) {
			byte[] whole = SentenceWriter.encode(this.pending);
			this.writer.send(Arrays.copyOf(whole, Math.max(1, whole.length / 2)));
			this.writer.closeAfterQueued();
			this.pending.clear();
			this.finished = true;
			return;
		}
		if (!this.pending.isEmpty()) {
			this.writer.send(SentenceWriter.encode(this.pending));
			this.pending.clear();
			this.pendingBytes = 0;
		}
	}

}
