package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.session.OnlineSessions;

import org.springframework.stereotype.Component;

/**
 * Samples every router's online sessions once per sweep (read through the sessions
 * feature's public service) and keeps the samples for the longest SESSIONS_DROPPED
 * window, so that a drop is measured against what the router had just before, not against
 * a fixed number.
 */
@Component
class SessionCountSampling {

	private final OnlineSessions sessions;

	private final SessionCountSampleRepository samples;

	SessionCountSampling(OnlineSessions sessions, SessionCountSampleRepository samples) {
		this.sessions = sessions;
		this.samples = samples;
	}

	/**
	 * Records the counts at {@code now} and forgets samples older than
	 * {@code longestWindow}; peaks are read later, per window, only up to (not including)
	 * {@code now}.
	 */
	SessionCounts sample(Instant now, List<UUID> routerIds, Duration longestWindow,
			Map<AlertCondition.Key, Long> baselines) {
		Map<UUID, Long> current = routerIds.isEmpty() ? Map.of() : this.sessions.countByRouter(routerIds);
		if (!current.isEmpty()) {
			List<UUID> ids = List.copyOf(current.keySet());
			this.samples.record(now, String.join(",", ids.stream().map(UUID::toString).toList()),
					String.join(",", ids.stream().map((id) -> current.get(id).toString()).toList()));
		}
		this.samples.forget(now.minus(longestWindow));
		return new SessionCounts(current, (window) -> peaks(now.minus(window), now), baselines);
	}

	private Map<UUID, Long> peaks(Instant since, Instant until) {
		Map<UUID, Long> peaks = new HashMap<>();
		for (Object[] row : this.samples.peaks(since, until)) {
			peaks.put((UUID) row[0], ((Number) row[1]).longValue());
		}
		return peaks;
	}

}
