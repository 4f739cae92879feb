package io.towerline.core.router;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Router connectivity settings.
 *
 * @param healthCheckInterval time from one health sweep's start to the next's; each
 * router is probed once in it
 * @param healthCheckConcurrency routers probed at once during a sweep
 * @param connectTimeout TCP connect timeout
 * @param commandTimeout time a single command may take before it is cancelled
 * @param commandsPerSecond per-router command throttle (sustained)
 * @param commandBurst per-router command throttle (burst)
 * @param breakerFailures consecutive failures that open a router's circuit
 * @param breakerOpenFor how long an open circuit refuses calls before trying again
 */
@ConfigurationProperties("towerline.routers")
record RouterProperties(Duration healthCheckInterval, int healthCheckConcurrency, Duration connectTimeout,
		Duration commandTimeout, int commandsPerSecond, int commandBurst, int breakerFailures,
		Duration breakerOpenFor) {

	public RouterProperties {
		if (healthCheckInterval == null) {
			healthCheckInterval = Duration.ofSeconds(60);
		}
		if (healthCheckConcurrency < 1) {
			healthCheckConcurrency = 32;
		}
		if (connectTimeout == null) {
			connectTimeout = Duration.ofSeconds(5);
		}
		if (commandTimeout == null) {
			commandTimeout = Duration.ofSeconds(15);
		}
		if (commandsPerSecond < 1) {
			commandsPerSecond = 1000;
		}
		if (commandBurst < 1) {
			commandBurst = 2000;
		}
		if (breakerFailures < 1) {
			breakerFailures = 5;
		}
		if (breakerOpenFor == null) {
			breakerOpenFor = Duration.ofSeconds(30);
		}
	}

}
