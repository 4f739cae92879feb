package io.towerline.mikrotik.client;

import java.time.Duration;

import io.towerline.mikrotik.RouterTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandThrottleTests {

	@Test
	void shouldTimeOutWhenTheRoutersBudgetIsSpent() {
		CommandThrottle throttle = new CommandThrottle("r", 1, 2);
		throttle.acquire(Duration.ZERO);
		throttle.acquire(Duration.ZERO);
		assertThatExceptionOfType(RouterTimeoutException.class)
			.isThrownBy(() -> throttle.acquire(Duration.ofMillis(50)))
			.withMessageContaining("command budget");
		assertThat(throttle.available()).isZero();
	}

}
