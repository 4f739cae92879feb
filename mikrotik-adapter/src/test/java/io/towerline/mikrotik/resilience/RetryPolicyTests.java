package io.towerline.mikrotik.resilience;

import java.time.Duration;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private final RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(250));

	@Test
	void shouldRetryOnlyTransientFailuresOfReads() {
		RouterUnreachableException lost = new RouterUnreachableException("r", Reason.CONNECTION_LOST, "lost", null);
		assertThat(this.retry.shouldRetry(true, lost, 1)).isTrue();
		assertThat(this.retry.shouldRetry(true, lost, 3)).isFalse();
		assertThat(this.retry.shouldRetry(false, lost, 1)).isFalse();
		assertThat(this.retry.shouldRetry(true, new RouterAuthenticationException("r", "no"), 1)).isFalse();
		assertThat(
				this.retry.shouldRetry(true, new RouterUnreachableException("r", Reason.TLS_UNTRUSTED, "pin", null), 1))
			.isFalse();
	}

	@Test
	void shouldBackOffWithinTheCaps() {
		for (int attempt = 1; attempt < 10; attempt++) {
			assertThat(this.retry.backoff(attempt)).isBetween(Duration.ZERO, Duration.ofMillis(250));
		}
		assertThat(this.retry.backoff(1)).isLessThanOrEqualTo(Duration.ofMillis(100));
	}

}
