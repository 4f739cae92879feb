package io.towerline.api.traffic;

import java.util.function.Consumer;
import java.util.function.Function;

import io.towerline.core.traffic.TrafficEvent;
import io.towerline.core.traffic.TrafficWatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.stereotype.Component;

/**
 * A watch of a shared interface stream as a subscription's {@link Flux}: joining when the
 * client subscribes, leaving when it unsubscribes, the socket closes or its access ends.
 * A client that reads slower than the stream keeps only the newest element (the shared
 * stream never waits for anybody).
 */
@Component
class TrafficStreams {

	/**
	 * @param join joins the shared stream with the given watcher and returns its watch
	 */
	Flux<TrafficEvent> watch(Function<Consumer<TrafficEvent>, TrafficWatch> join) {
		return Flux.create((FluxSink<TrafficEvent> sink) -> {
			TrafficWatch watch = join.apply(sink::next);
			sink.onDispose(watch::close);
		}, FluxSink.OverflowStrategy.LATEST);
	}

}
