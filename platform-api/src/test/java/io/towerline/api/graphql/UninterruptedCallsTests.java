package io.towerline.api.graphql;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

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
