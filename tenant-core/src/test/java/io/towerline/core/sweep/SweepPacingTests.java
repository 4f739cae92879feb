package io.towerline.core.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pacing on a clock that moves only when the sweep sleeps, so each item's start is
 * exact.
 */
class SweepPacingTests {

	private long now = 1_000;

	private final List<Long> sleeps = new ArrayList<>();

	private boolean stopping;

	private SweepPacing pacing(Duration span, int count) {
		return new SweepPacing(span, count, () -> this.stopping, () -> this.now, (nanos) -> {
			this.sleeps.add(nanos);
			this.now += nanos;
		});
	}

	@Test
	void eachItemStartsItsShareOfTheSpanAfterTheFirst() {
		Random random = new Random(263);
		for (int round = 0; round < 50; round++) {
			int count = 1 + random.nextInt(2_000);
			Duration span = Duration.ofMillis(1 + random.nextInt(90_000));
			long start = this.now;
			SweepPacing pacing = pacing(span, count);
			long previous = start;
			for (int i = 0; i < count; i++) {
				assertThat(pacing.awaitTurn(i)).isTrue();
				long due = start + (long) (span.toNanos() * ((double) i / count));
				assertThat(this.now).as("item %d of %d over %s", i, count, span).isEqualTo(Math.max(due, previous));
				previous = this.now;
			}
			assertThat(this.now - start).isLessThan(span.toNanos());
		}
	}

	@Test
	void aSweepThatFellBehindStartsTheNextItemAtOnce() {
		SweepPacing pacing = pacing(Duration.ofSeconds(10), 10);
		assertThat(pacing.awaitTurn(0)).isTrue();
		// the sweep's thread was held up for 5 s: items 1–5 are all due
		this.now += TimeUnit.SECONDS.toNanos(5);
		for (int i = 1; i <= 5; i++) {
			assertThat(pacing.awaitTurn(i)).isTrue();
		}
		assertThat(this.sleeps).isEmpty();
		assertThat(pacing.awaitTurn(6)).isTrue();
		// item 6 is due 1 s later: four slices
		assertThat(this.sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void waitsInSlicesAndStopsWithinOneWhenTheSchedulerStops() {
		SweepPacing pacing = new SweepPacing(Duration.ofSeconds(60), 2, () -> this.stopping, () -> this.now,
				(nanos) -> {
					this.sleeps.add(nanos);
					this.now += nanos;
					if (this.sleeps.size() == 3) {
						this.stopping = true;
					}
				});
		assertThat(pacing.awaitTurn(0)).isTrue();
		assertThat(pacing.awaitTurn(1)).isFalse();
		assertThat(this.sleeps).hasSize(3).allMatch((nanos) -> nanos == SweepPacing.SLICE_NANOS);
	}

	@Test
	void anInterruptedSweepStopsAndKeepsTheFlag() {
		SweepPacing pacing = new SweepPacing(Duration.ofSeconds(60), 2, () -> false, () -> this.now, (nanos) -> {
			throw new InterruptedException();
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
		assertThat(this.sleeps).isEmpty();
	}

}
