package io.towerline.core.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What a SESSIONS_DROPPED rule compares: each router's online sessions now, its peak over
 * a window before now (read once per distinct window), and the count a condition already
 * watched remembered from before its drop.
 */
final class SessionCounts {

	/** For sweeps without an enabled SESSIONS_DROPPED rule. */
	static final SessionCounts NONE = new SessionCounts(Map.of(), (window) -> Map.of(), Map.of());

	private final Map<UUID, Long> current;

	private final Function<Duration, Map<UUID, Long>> peaksOver;

	private final Map<Duration, Map<UUID, Long>> peaks = new HashMap<>();

	private final Map<AlertCondition.Key, Long> baselines;

	SessionCounts(Map<UUID, Long> current, Function<Duration, Map<UUID, Long>> peaksOver,
			Map<AlertCondition.Key, Long> baselines) {
		this.current = current;
		this.peaksOver = peaksOver;
		this.baselines = baselines;
	}

	@Nullable Long now(UUID routerId) {
		return this.current.get(routerId);
	}

	/** The highest count of the router sampled within {@code window} before now. */
	@Nullable Long peak(Duration window, UUID routerId) {
		return this.peaks.computeIfAbsent(window, this.peaksOver).get(routerId);
	}

	/** The count before the drop, for a condition already watched. */
	@Nullable Long baseline(UUID ruleId, UUID routerId) {
		return this.baselines.get(new AlertCondition.Key(ruleId, routerId));
	}

}
