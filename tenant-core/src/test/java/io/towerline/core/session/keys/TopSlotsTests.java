package io.towerline.core.session.keys;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntBinaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept page is the first {@code limit} of everything offered, in order. */
class TopSlotsTests {

	@Test
	void shouldKeepTheFirstSlotsInOrderWhateverOrderTheyArriveIn() {
		Random random = new Random(9);
		for (int round = 0; round < 500; round++) {
			int[] weights = random.ints(random.nextInt(400), 0, 50).toArray();
			// by weight, then by slot: a total order with many equal weights
			IntBinaryOperator order = (a, b) -> (weights[a] != weights[b]) ? Integer.compare(weights[a], weights[b])
					: Integer.compare(a, b);
			int limit = random.nextInt(120);
			Integer[] slots = new Integer[weights.length];
			for (int i = 0; i < slots.length; i++) {
				slots[i] = i;
			}
			// offered in a random order
			for (int i = slots.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				Integer kept = slots[i];
				slots[i] = slots[j];
				slots[j] = kept;
			}
			TopSlots top = new TopSlots(limit, order);
			for (Integer slot : slots) {
				top.offer(slot);
			}
			Integer[] sorted = slots.clone();
			Arrays.sort(sorted, order::applyAsInt);
			int[] expected = Arrays.stream(sorted).limit(limit).mapToInt(Integer::intValue).toArray();
			assertThat(top.inOrder()).as("round %d, limit %d of %d", round, limit, slots.length).isEqualTo(expected);
		}
	}

}
