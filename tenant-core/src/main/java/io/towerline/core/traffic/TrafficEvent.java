package io.towerline.core.traffic;

import java.time.Instant;

/** What a watcher of an interface receives: a reading, or why there is none right now. */
public sealed interface TrafficEvent permits TrafficSample, TrafficInterruption {

	/** When the platform received (or decided) it. */
	Instant at();

}
