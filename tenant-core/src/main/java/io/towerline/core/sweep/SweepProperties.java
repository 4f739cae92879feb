package io.towerline.core.sweep;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sweeps over every tenant's routers are paced (ADR 0263).
 *
 * @param spread the share of a sweep's interval over which its routers' starts are
 * spread: 0.75 by default; 0 starts them all at once (a bounded number at a time)
 */
@ConfigurationProperties("towerline.sweeps")
record SweepProperties(Double spread) {

	SweepProperties {
		if (spread == null) {
			spread = 0.75;
		}
		if (spread.isNaN() || spread < 0 || spread > 1) {
			throw new IllegalArgumentException(
					"towerline.sweeps.spread is a share of the interval from 0 to 1, not " + spread);
		}
	}

}
