package io.towerline.api.health;

import java.time.Instant;
import java.util.List;

import io.towerline.core.health.HealthGranularity;
import io.towerline.core.health.OnlineCountHistory;
import io.towerline.core.health.OnlineCountPoint;
import io.towerline.core.router.Router;
import io.towerline.core.usage.Resolution;
import io.towerline.core.usage.UsagePoint;
import io.towerline.core.usage.UsageScope;
import io.towerline.core.usage.UsageTotals;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A router's activity over time (online count, throughput) for its charts, for every
 * tenant role (the router itself was already read in the caller's tenant).
 */
@Controller
class RouterActivityController {

	private final OnlineCountHistory onlineCounts;

	private final UsageTotals usage;

	RouterActivityController(OnlineCountHistory onlineCounts, UsageTotals usage) {
		this.onlineCounts = onlineCounts;
		this.usage = usage;
	}

	@SchemaMapping(typeName = "Router", field = "onlineHistory")
	List<OnlineCountPoint> onlineHistory(Router router, @Argument Instant from, @Argument Instant to,
			@Argument @Nullable HealthGranularity granularity) {
		return this.onlineCounts.history(router.id(), from, to,
				(granularity != null) ? granularity : HealthGranularity.MINUTE);
	}

	@SchemaMapping(typeName = "Router", field = "throughputHistory")
	List<ThroughputPoint> throughputHistory(Router router, @Argument Instant from, @Argument Instant to,
			@Argument @Nullable Resolution granularity) {
		Resolution resolution = (granularity != null) ? granularity : Resolution.FIVE_MINUTES;
		long seconds = resolution.size().toSeconds();
		return this.usage.series(UsageScope.router(router.id()), from, to, resolution)
			.stream()
			.map((point) -> ThroughputPoint.of(point, seconds))
			.toList();
	}

	/** Average rates over one usage bucket. */
	record ThroughputPoint(Instant at, long seconds, double rxBitsPerSecond, double txBitsPerSecond) {

		static ThroughputPoint of(UsagePoint point, long seconds) {
			return new ThroughputPoint(point.start(), seconds, point.counters().rxBytes() * 8.0 / seconds,
					point.counters().txBytes() * 8.0 / seconds);
		}

	}

}
