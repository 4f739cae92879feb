package io.towerline.core.session.keys;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;

/**
 * The slots' search texts joined per block of {@value #SLOTS} slots, each followed by
 * U+0000, so a search is one {@link String#indexOf(String, int)} pass over a few
 * contiguous strings (the JDK's vectorised search) instead of a pointer chase to each
 * slot's string. Search text never holds a control character (ADR 0229), so a match never
 * spans two slots. A block whose slots changed is joined again before the next search.
 */
final class TextBlocks {

	static final int SLOTS = 256;

	private static final char END = '\u0000';

	private @Nullable String[] joined = new String[0];

	/** Per block, where each slot's text starts in the joined string, and its end. */
	private int[][] starts = new int[0][];

	private final BitSet changed = new BitSet();

	void changed(int slot) {
		this.changed.set(slot / SLOTS);
	}

	/** Joins the changed blocks again from {@code texts} (null in a free slot). */
	void settle(@Nullable String[] texts, int high) {
		int blocks = (high + SLOTS - 1) / SLOTS;
		if (this.joined.length < blocks) {
			this.joined = Arrays.copyOf(this.joined, Math.max(blocks, this.joined.length * 2));
			this.starts = Arrays.copyOf(this.starts, this.joined.length);
		}
		for (int block = this.changed.nextSetBit(0); block >= 0
				&& block < blocks; block = this.changed.nextSetBit(block + 1)) {
			join(block, texts, high);
		}
		this.changed.clear();
	}

	void clear() {
		Arrays.fill(this.joined, null);
		this.changed.clear();
	}

	/**
	 * Each slot below {@code high} whose text holds {@code text}, once, in slot order,
	 * until {@code matched} returns false.
	 */
	void find(String text, int high, IntPredicate matched) {
		int blocks = (high + SLOTS - 1) / SLOTS;
		for (int block = 0; block < blocks; block++) {
			String all = this.joined[block];
			if (all == null) {
				continue;
			}
			int[] at = this.starts[block];
			int from = 0;
			int local = 0;
			while (true) {
				int found = all.indexOf(text, from);
				if (found < 0) {
					break;
				}
				while (at[local + 1] <= found) {
					local++;
				}
				if (!matched.test(block * SLOTS + local)) {
					return;
				}
				// the slot's other occurrences count once
				from = at[local + 1];
			}
		}
	}

	private void join(int block, @Nullable String[] texts, int high) {
		int first = block * SLOTS;
		int last = Math.min(first + SLOTS, high);
		int[] at = new int[SLOTS + 1];
		StringBuilder all = new StringBuilder();
		for (int slot = first; slot < first + SLOTS; slot++) {
			at[slot - first] = all.length();
			String text = (slot < last) ? texts[slot] : null;
			if (text != null) {
				all.append(text);
			}
			all.append(END);
		}
		at[SLOTS] = all.length();
		this.joined[block] = all.toString();
		this.starts[block] = at;
	}

}
