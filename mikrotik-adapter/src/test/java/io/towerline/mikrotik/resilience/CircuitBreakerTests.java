package io.towerline.mikrotik.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CircuitBreakerTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

	private final CircuitBreaker breaker = new CircuitBreaker("r:8728", 3, Duration.ofSeconds(30), this.now::get);

	@Test
	void shouldOpenAfterConsecutiveFailuresAndRefuseAtOnce() {
		failTimes(3);
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(this.breaker::acquire)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
	}

	@Test
	void shouldResetTheCountOnSuccess() {
		failTimes(2);
		this.breaker.recordSuccess();
		failTimes(2);
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void shouldLetOneTrialThroughAfterTheOpenPeriod() {
		failTimes(3);
		this.now.set(this.now.get().plusSeconds(31));
		assertThatCode(this.breaker::acquire).doesNotThrowAnyException();
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(this.breaker::acquire);
		this.breaker.recordFailure();
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		this.now.set(this.now.get().plusSeconds(31));
		this.breaker.acquire();
		this.breaker.recordSuccess();
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private void failTimes(int times) {
		for (int i = 0; i < times; i++) {
			this.breaker.acquire();
			this.breaker.recordFailure();
		}
	}

}
