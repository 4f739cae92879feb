package io.towerline.api.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes every router's circuit breaker (state, calls, failure rate; tag {@code name}
 * = router address) to Micrometer. The adapter has no metrics library, so the binding
 * lives here (docs/adr/0107).
 */
@Configuration(proxyBeanMethods = false)
class RouterBreakerMetrics {

	@Bean
	MeterBinder routerCircuitBreakerMetrics(CircuitBreakerRegistry routerCircuitBreakers) {
		return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(routerCircuitBreakers);
	}

}
