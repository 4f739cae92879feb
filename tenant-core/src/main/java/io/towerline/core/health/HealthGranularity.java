package io.towerline.core.health;

/** How fine health history points are. */
public enum HealthGranularity {

	/** One point per minute sample (kept for the minute retention). */
	MINUTE,

	/** One point per hour: averages, peaks and lows of its minute samples. */
	HOUR

}
