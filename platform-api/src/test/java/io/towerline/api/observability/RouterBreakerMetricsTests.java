package io.towerline.api.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.towerline.api.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router's circuit breaker shows up in the application's metrics and follows its state.
 */
class RouterBreakerMetricsTests extends ApiTest {

	@Autowired
	private CircuitBreakerRegistry routerCircuitBreakers;

	@Autowired
	private MeterRegistry meters;

	@Test
	void shouldPublishEachRoutersBreakerStateByItsAddress() {
		CircuitBreaker breaker = this.routerCircuitBreakers.circuitBreaker("198.51.100.7:8728");
		assertThat(openState()).isZero();
		breaker.transitionToOpenState();
		assertThat(openState()).isEqualTo(1.0);
		this.routerCircuitBreakers.remove("198.51.100.7:8728");
	}

	private double openState() {
		return this.meters.get("resilience4j.circuitbreaker.state")
			.tag("name", "198.51.100.7:8728")
			.tag("state", "open")
			.gauge()
			.value();
	}

}
