package io.towerline.api.graphql;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A blocking call (JDBC) inside a stream, run where cancelling the stream cannot
 * interrupt it. Reactor interrupts a task it disposes mid-run, and a virtual thread
 * interrupted in socket I/O closes the socket ("Closed by interrupt"): a browser leaving
 * a live page while a subscription's periodic check was reading the database broke a
 * pooled connection and logged its stack trace. The call runs to its end on a thread of
 * its own; a cancelled stream only drops its answer.
 */
public final class UninterruptedCalls {

	private static final ExecutorService CALLS = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("uninterrupted-call-", 0).factory());

	private UninterruptedCalls() {
	}

	/** The value of {@code call} (empty when it returns null), computed uninterrupted. */
	public static <T> Mono<T> of(Supplier<? extends T> call) {
		return Mono.fromFuture(() -> CompletableFuture.supplyAsync(call, CALLS), true);
	}

	/**
	 * The value of {@code call} every {@code period}, each computed uninterrupted, one at
	 * a time. A tick that comes while a call is still running is skipped: a call slower
	 * than the period (a loaded database) delays the next one instead of ending the
	 * stream with Reactor's "Could not emit tick … due to lack of requests", which ended
	 * a live subscription's access checks and with them the subscription.
	 */
	public static <T> Flux<T> every(Duration period, Supplier<? extends T> call) {
		return Flux.interval(period).onBackpressureDrop().concatMap((tick) -> of(call), 0);
	}

}
