package io.towerline.mikrotik.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.command.Row;
import io.towerline.mikrotik.wire.Sentence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of one connection waiting for replies, by tag: each reply sentence goes to
 * its command's handler ({@code !done} ends it), replies for unknown tags and unknown
 * reply words are ignored, and a handler that throws never stops the reader (D8).
 */
final class PendingReplies {

	private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);

	private final String router;

	private final Map<String, ReplyHandler> handlers = new ConcurrentHashMap<>();

	PendingReplies(String router) {
		this.router = router;
	}

	void add(String tag, ReplyHandler handler) {
		this.handlers.put(tag, handler);
	}

	void remove(String tag) {
		this.handlers.remove(tag);
	}

	boolean contains(String tag) {
		return this.handlers.containsKey(tag);
	}

	int size() {
		return this.handlers.size();
	}

	/**
	 * Hands a tagged reply ({@code !re}, {@code !trap}, {@code !done}) to its command.
	 */
	void deliver(Sentence sentence) {
		String type = sentence.first();
		String tag = sentence.tag();
		ReplyHandler handler = (tag == null) ? null
				: type.equals("!done") ? this.handlers.remove(tag) : this.handlers.get(tag);
		if (handler == null) {
			log.debug("{}: reply {} for unknown tag {} ignored", this.router, type, tag);
			return;
		}
		try {
			switch (type) {
				case "!re" -> handler.row(new Row(sentence.rawAttributes()));
				case "!trap" -> {
					Map<String, String> attributes = sentence.attributes();
					handler.trap(category(attributes.get("category")), attributes.getOrDefault("message", ""));
				}
				case "!done" -> handler.done(new Row(sentence.rawAttributes()));
				default -> log.debug("{}: unknown reply word {} ignored", this.router, type);
			}
		}
		catch (RuntimeException ex) {
			log.warn("{}: reply handler failed on {}; the reader carries on", this.router, type, ex);
		}
	}

	/** Fails every waiting command with {@code cause}, once each. */
	void failAll(RouterException cause) {
		for (String tag : this.handlers.keySet()) {
			ReplyHandler handler = this.handlers.remove(tag);
			if (handler != null) {
				try {
					handler.failed(cause);
				}
				catch (RuntimeException ex) {
					log.warn("{}: reply handler failed while closing", this.router, ex);
				}
			}
		}
	}

	private static @Nullable Integer category(@Nullable String value) {
		try {
			return (value != null) ? Integer.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
