package io.towerline.mikrotik.simulator;

import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.wire.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * A sentence exactly as the simulator received it, for tests that check what reached the
 * "router".
 *
 * @param sentence the raw words
 */
public record ReceivedCommand(Sentence sentence) {

	public String path() {
		return this.sentence.first();
	}

	/**
	 * Attribute words decoded as text; a value that carried {@code =} or newlines is
	 * still one value.
	 */
	public Map<String, String> attributes() {
		return this.sentence.attributes();
	}

	public List<String> queries() {
		return this.sentence.queries();
	}

	public @Nullable String tag() {
		return this.sentence.tag();
	}

	/** The exact bytes of one attribute's value, or null when absent. */
	public byte @Nullable [] rawValue(String name) {
		return this.sentence.rawAttribute(name);
	}

}
