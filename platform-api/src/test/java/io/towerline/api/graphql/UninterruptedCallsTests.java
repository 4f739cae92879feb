package io.towerline.api.graphql;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A stream cancelled while its blocking call runs does not interrupt the call (an
 * interrupted virtual thread in socket I/O closes a pooled database connection); the way
 * the streams polled before does.
 */
class UninterruptedCallsTests {

	@Test
	void shouldLetACallRunToItsEndWhenTheStreamIsCancelledMidCall() throws InterruptedException {
		Probe probe = new Probe();
		Disposable stream = Flux.interval(Duration.ofMillis(1))
			.concatMap((tick) -> UninterruptedCalls.of(probe::call))
			.subscribe();
		assertThat(probe.started.await(30, TimeUnit.SECONDS)).isTrue();
		stream.dispose();
		probe.release.countDown();
		assertThat(probe.finished.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(probe.interrupted).as("the call was interrupted").isFalse();
	}

	@Test
	void shouldShowThatCancellingAPollOnBoundedElasticInterruptsTheCall() throws InterruptedException {
		Probe probe = new Probe();
		Disposable stream = Flux.interval(Duration.ofMillis(1), Schedulers.boundedElastic())
			.concatMap((tick) -> Flux.just(probe.call()))
			.subscribe();
		assertThat(probe.started.await(30, TimeUnit.SECONDS)).isTrue();
		stream.dispose();
		assertThat(probe.finished.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(probe.interrupted).as("what the guard and the report poll did before").isTrue();
	}

	@Test
	void shouldSkipTicksWhileACallSlowerThanThePeriodRuns() {
		// a check taking 8 periods (a loaded database): the stream goes on, one call at a
		// time, instead of ending with an overflow
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<Integer> values = UninterruptedCalls.every(Duration.ofMillis(5), () -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			sleep(40);
			running.decrementAndGet();
			return 1;
		}).take(12).collectList().block(Duration.ofSeconds(30));
		assertThat(values).hasSize(12);
		assertThat(mostAtOnce).hasValue(1);
	}

	@Test
	void shouldShowThatPollingEachTickOverflowsWhenACallIsSlowerThanThePeriod() {
		// what the subscription guard and the report poll did before: every tick queued
		// behind the slow call until the interval could emit no more
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> Flux.interval(Duration.ofMillis(5)).concatMap((tick) -> UninterruptedCalls.of(() -> {
				sleep(40);
				return 1;
			})).take(12).collectList().block(Duration.ofSeconds(30)))
			.satisfies((ex) -> assertThat(Exceptions.isOverflow(ex) || Exceptions.isOverflow(ex.getCause())).isTrue());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A blocking call that waits for the test and notes whether it was interrupted. */
	private static final class Probe {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch finished = new CountDownLatch(1);

		volatile boolean interrupted;

		String call() {
			if (this.started.getCount() == 0) {
				return "again";
			}
			this.started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				this.interrupted = true;
			}
			finally {
				this.finished.countDown();
			}
			return "done";
		}

	}

}
