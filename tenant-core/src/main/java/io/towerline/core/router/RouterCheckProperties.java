package io.towerline.core.router;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many connection checks (a router added or changed with its connection checked,
 * {@code testRouterConnection}) one tenant may start (ADR 0212): each is a TCP connect
 * from the platform's network to an address the tenant chose.
 *
 * @param burst checks a tenant may start at once
 * @param refillEvery how long until a used check is given back (the sustained rate)
 */
@ConfigurationProperties("towerline.router-checks")
record RouterCheckProperties(int burst, Duration refillEvery) {

	RouterCheckProperties {
		if (burst < 1) {
			burst = 30;
		}
		if (refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
			// ten a minute: a person checking routers one by one never waits
			refillEvery = Duration.ofSeconds(6);
		}
	}

}
