package io.towerline.core.usage;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterDeltaTests {

	private static final long TOP_32 = (1L << 32) - 1;

	@Test
	void shouldCountTheDifferenceWithinOneSession() {
		assertThat(CounterDelta.between(counters(100), counters(250), true)).isEqualTo(counters(150));
	}

	@Test
	void shouldCountAWholeReadingOfANewSession() {
		assertThat(CounterDelta.between(counters(9_000), counters(40), false)).isEqualTo(counters(40));
		assertThat(CounterDelta.between(null, counters(40), true)).isEqualTo(counters(40));
	}

	@Test
	void shouldCountA32BitWrapAsTheRestUpToTheTopPlusTheNewReading() {
		assertThat(CounterDelta.between(counters(TOP_32 - 9), counters(5), true)).isEqualTo(counters(15));
	}

	@Test
	void shouldCountOnlyTheNewReadingWhenA64BitCounterWentDown() {
		long big = 1L << 40;
		assertThat(CounterDelta.between(counters(big), counters(7), true)).isEqualTo(counters(7));
	}

	@Test
	void shouldJudgeEachCounterOnItsOwn() {
		Counters previous = new Counters(TOP_32, 10, 20, 30);
		Counters current = new Counters(0, 15, 20, 31);
		assertThat(CounterDelta.between(previous, current, true)).isEqualTo(new Counters(1, 5, 0, 1));
	}

	/**
	 * Whatever the increments (each under 2^32, at most one wrap between readings), the
	 * deltas of a 32-bit counter add up to exactly what moved and are never negative.
	 */
	@Test
	void shouldAddUpToWhatMovedAcrossManyWrapsAndResets() {
		Random random = new Random(42);
		for (int run = 0; run < 200; run++) {
			long truth = 0;
			long counted = 0;
			long router = random.nextLong(1L << 32);
			Counters last = counters(router);
			for (int step = 0; step < 100; step++) {
				boolean reset = random.nextInt(20) == 0;
				long moved = random.nextLong(1L << ((random.nextInt(3) == 0) ? 32 : 20));
				router = reset ? moved : (router + moved) & TOP_32;
				truth += moved;
				Counters reading = counters(router);
				Counters delta = CounterDelta.between(last, reading, !reset);
				assertThat(delta.rxBytes()).isNotNegative();
				counted += delta.rxBytes();
				last = reading;
			}
			assertThat(counted).isEqualTo(truth);
		}
	}

	private static Counters counters(long value) {
		return new Counters(value, value, value, value);
	}

}
