package io.towerline.core.router;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.towerline.core.sweep.FixedRate;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.client.RouterClientSettings;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.credentials.CredentialVault;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adapter's client registry and the recurring health sweep (one replica at a time,
 * through db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RouterProperties.class, RouterCheckProperties.class })
class RouterConfiguration {

	@Bean(destroyMethod = "close")
	RouterClients routerClients(RouterProperties properties, CredentialVault vault,
			ObjectProvider<RouterCommandAuditor> auditor) {
		RouterClientSettings settings = RouterClientSettings.builder()
			.connectTimeout(properties.connectTimeout())
			.commandTimeout(properties.commandTimeout())
			.throttle(properties.commandsPerSecond(), properties.commandBurst())
			.breaker(properties.breakerFailures(), properties.breakerOpenFor())
			.build();
		return new RouterClients(settings, vault, auditor.getIfAvailable(() -> RouterCommandAuditor.NONE));
	}

	/**
	 * Each router's circuit breaker, named by its address, for the application's metrics.
	 */
	@Bean
	CircuitBreakerRegistry routerCircuitBreakers(RouterClients routerClients) {
		return routerClients.circuitBreakers();
	}

	@Bean
	RecurringTask<Void> routerHealthSweep(RouterHealthCheck healthCheck, RouterProperties properties) {
		return Tasks.recurring("router-health-sweep", FixedRate.of(properties.healthCheckInterval()))
			.execute((instance, context) -> healthCheck.sweep(() -> context.getSchedulerState().isShuttingDown()));
	}

}
