package io.towerline.core.traffic;

import java.util.function.Consumer;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;

/** Starts the router's {@code monitor-traffic} for a key (a seam for tests). */
@FunctionalInterface
interface MonitorOpener {

	/**
	 * @throws RouterException when the stream cannot be started
	 */
	RouterStream open(MonitorKey key, Consumer<TrafficSample> onSample, Consumer<RouterException> onError);

}
