package io.towerline.mikrotik.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RouterCircuitBreakerTests {

	private static final RouterUnreachableException LOST = new RouterUnreachableException("r:8728",
			Reason.CONNECTION_LOST, "connection lost", null);

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

	private final RouterCircuitBreaker breaker = new RouterCircuitBreaker(
			CircuitBreaker.of("r:8728", RouterCircuitBreaker.config(3, Duration.ofSeconds(30), this.now::get)));

	@Test
	void shouldOpenAfterConsecutiveFailuresAndRefuseAtOnce() {
		failTimes(3);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(this.breaker::acquire)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
	}

	@Test
	void shouldResetTheCountOnSuccess() {
		failTimes(2);
		this.breaker.recordSuccess(0);
		failTimes(2);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void shouldLetOneTrialThroughAfterTheOpenPeriod() {
		failTimes(3);
		this.now.set(this.now.get().plusSeconds(31));
		assertThatCode(this.breaker::acquire).doesNotThrowAnyException();
		assertThat(this.breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(this.breaker::acquire);
		this.breaker.recordFailure(0, LOST);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		this.now.set(this.now.get().plusSeconds(31));
		this.breaker.acquire();
		this.breaker.recordSuccess(0);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void shouldFreeTheHalfOpenTrialWhenItsPermitIsReleased() {
		failTimes(3);
		this.now.set(this.now.get().plusSeconds(31));
		this.breaker.acquire();
		this.breaker.release();
		assertThat(this.breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThatCode(this.breaker::acquire).as("the trial is free again").doesNotThrowAnyException();
		this.breaker.recordSuccess(0);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void shouldNotCountAReleasedPermitAsAFailure() {
		failTimes(2);
		this.breaker.acquire();
		this.breaker.release();
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		failTimes(1);
		assertThat(this.breaker.state()).as("the third failure opens it").isEqualTo(State.OPEN);
	}

	private void failTimes(int times) {
		for (int i = 0; i < times; i++) {
			this.breaker.acquire();
			this.breaker.recordFailure(0, LOST);
		}
	}

}
