package io.towerline.core.sweep;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pacing on a clock that moves only when the sweep sleeps, so each item's start is
 * exact.
 */
class SweepPacingTests {

	private final SleptClock clock = new SleptClock();

	private boolean stopping;

	private SweepPacing pacing(Duration span, int count) {
		return new SweepPacing(span, count, () -> this.stopping, this.clock);
	}

	@Test
	void eachItemStartsItsShareOfTheSpanAfterTheFirst() {
		Random random = new Random(263);
		for (int round = 0; round < 50; round++) {
			int count = 1 + random.nextInt(2_000);
			Duration span = Duration.ofMillis(1 + random.nextInt(90_000));
			long start = this.clock.nanoTime();
			SweepPacing pacing = pacing(span, count);
			long previous = start;
			for (int i = 0; i < count; i++) {
				assertThat(pacing.awaitTurn(i)).isTrue();
				long due = start + (long) (span.toNanos() * ((double) i / count));
				assertThat(this.clock.nanoTime()).as("item %d of %d over %s", i, count, span)
					.isEqualTo(Math.max(due, previous));
				previous = this.clock.nanoTime();
			}
			assertThat(this.clock.nanoTime() - start).isLessThan(span.toNanos());
		}
	}

	@Test
	void aSweepThatFellBehindStartsTheNextItemAtOnce() {
		SweepPacing pacing = pacing(Duration.ofSeconds(10), 10);
		assertThat(pacing.awaitTurn(0)).isTrue();
		// the sweep's thread was held up for 5 s: items 1–5 are all due
		this.clock.advance(TimeUnit.SECONDS.toNanos(5));
		for (int i = 1; i <= 5; i++) {
			assertThat(pacing.awaitTurn(i)).isTrue();
		}
		assertThat(this.clock.sleeps()).isEmpty();
		assertThat(pacing.awaitTurn(6)).isTrue();
		// item 6 is due 1 s later: four slices
		assertThat(this.clock.slept()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void waitsInSlicesAndStopsWithinOneWhenTheSchedulerStops() {
		SleptClock stopsAtTheThirdSlice = new SleptClock() {

			@Override
			public void sleep(long nanos) throws InterruptedException {
				super.sleep(nanos);
				SweepPacingTests.this.stopping = sleeps().size() == 3;
			}

		};
		SweepPacing pacing = new SweepPacing(Duration.ofSeconds(60), 2, () -> this.stopping, stopsAtTheThirdSlice);
		assertThat(pacing.awaitTurn(0)).isTrue();
		assertThat(pacing.awaitTurn(1)).isFalse();
		assertThat(stopsAtTheThirdSlice.sleeps()).hasSize(3).allMatch((nanos) -> nanos == SweepPacing.SLICE_NANOS);
	}

	@Test
	void anInterruptedSweepStopsAndKeepsTheFlag() {
		SweepPacing pacing = new SweepPacing(Duration.ofSeconds(60), 2, () -> false, new SleptClock() {

			@Override
			public void sleep(long nanos) throws InterruptedException {
				throw new InterruptedException();
			}

		});
		try {
			assertThat(pacing.awaitTurn(0)).isTrue();
			assertThat(pacing.awaitTurn(1)).isFalse();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void anEmptySweepOrAZeroSpanNeverWaits() {
		assertThat(pacing(Duration.ZERO, 100).awaitTurn(99)).isTrue();
		assertThat(pacing(Duration.ofSeconds(45), 0).awaitTurn(0)).isTrue();
		assertThat(this.clock.sleeps()).isEmpty();
	}

}
