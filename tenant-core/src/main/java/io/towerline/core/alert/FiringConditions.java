package io.towerline.core.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.towerline.core.health.RouterTransition;
import io.towerline.core.operation.RouterOperation;
import org.jspecify.annotations.Nullable;

/**
 * Which objects a rule's condition holds for right now, from the sweep's facts. Only
 * routers the health sweep saw lately count for the health rules: a router nobody checked
 * is neither failing nor well.
 */
final class FiringConditions {

	/**
	 * The window of a SESSIONS_DROPPED rule saved without one (validation refuses it).
	 */
	private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

	private final List<RouterOsVersion> problematic;

	private final int sessionsDroppedMinimum;

	FiringConditions(List<String> problematicVersions, int sessionsDroppedMinimum) {
		this.problematic = problematicVersions.stream().map(RouterOsVersion::parse).filter(Objects::nonNull).toList();
		this.sessionsDroppedMinimum = sessionsDroppedMinimum;
	}

	List<Firing> of(AlertRule rule, SweepFacts facts) {
		return switch (rule.type()) {
			case ROUTER_UNREACHABLE -> status(rule, facts, "UNREACHABLE", "Router %s does not answer");
			case ROUTER_LOGIN_FAILING -> status(rule, facts, "AUTH_FAILED", "Router %s refuses the stored credentials");
			case CPU_HIGH -> cpu(rule, facts);
			case MEMORY_LOW -> memory(rule, facts);
			case ROUTER_REBOOTED -> rebooted(rule, facts);
			case ROUTEROS_OUTDATED -> outdated(rule, facts);
			case OPERATION_FAILED -> failedOperations(rule, facts);
			case DRIFT_NOT_REPAIRED -> drift(rule, facts);
			case BACKUP_FAILED -> backups(rule, facts);
			case SESSIONS_DROPPED -> sessionsDropped(rule, facts);
		};
	}

	private static List<Firing> status(AlertRule rule, SweepFacts facts, String status, String summary) {
		List<Firing> firing = new ArrayList<>();
		for (RouterFactsRow router : facts.routers()) {
			if (router.fresh() && rule.watches(router.id()) && router.status().equals(status)) {
				firing.add(new Firing(router.id(), router.id(), summary.formatted(router.name())));
			}
		}
		return firing;
	}

	private static List<Firing> cpu(AlertRule rule, SweepFacts facts) {
		int threshold = Objects.requireNonNull(rule.threshold());
		List<Firing> firing = new ArrayList<>();
		for (RouterFactsRow router : facts.routers()) {
			Integer load = router.cpuLoad();
			if (online(rule, router) && load != null && load > threshold) {
				firing.add(new Firing(router.id(), router.id(),
						"CPU load of router %s is %d%% (above %d%%)".formatted(router.name(), load, threshold)));
			}
		}
		return firing;
	}

	private static List<Firing> memory(AlertRule rule, SweepFacts facts) {
		int threshold = Objects.requireNonNull(rule.threshold());
		List<Firing> firing = new ArrayList<>();
		for (RouterFactsRow router : facts.routers()) {
			Long free = router.freeMemory();
			Long total = router.totalMemory();
			if (online(rule, router) && free != null && total != null && total > 0 && free * 100 < threshold * total) {
				firing.add(new Firing(router.id(), router.id(), "Router %s has %d%% of its memory free (below %d%%)"
					.formatted(router.name(), free * 100 / total, threshold)));
			}
		}
		return firing;
	}

	private static List<Firing> rebooted(AlertRule rule, SweepFacts facts) {
		List<Firing> firing = new ArrayList<>();
		Map<UUID, String> names = names(facts);
		for (RouterTransition transition : facts.transitions()) {
			if (transition.rebooted() && rule.watches(transition.routerId())) {
				firing.add(new Firing(transition.routerId(), transition.routerId(),
						"Router %s rebooted (its uptime went back)".formatted(names.get(transition.routerId()))));
			}
		}
		return firing;
	}

	private List<Firing> outdated(AlertRule rule, SweepFacts facts) {
		RouterOsVersion minimum = RouterOsVersion.parse(rule.minimumVersion());
		List<Firing> firing = new ArrayList<>();
		for (RouterFactsRow router : facts.routers()) {
			RouterOsVersion version = RouterOsVersion.parse(router.version());
			if (version == null || !rule.watches(router.id())) {
				continue;
			}
			String reason = null;
			if (minimum != null && version.compareTo(minimum) < 0) {
				reason = "is older than " + minimum;
			}
			else if (problematic(version) != null) {
				reason = "is known to be problematic";
			}
			if (reason != null) {
				firing.add(new Firing(router.id(), router.id(),
						"Router %s runs RouterOS %s, which %s".formatted(router.name(), router.version(), reason)));
			}
		}
		return firing;
	}

	private @Nullable RouterOsVersion problematic(RouterOsVersion version) {
		for (RouterOsVersion known : this.problematic) {
			if (version.parts().size() >= known.parts().size()
					&& version.parts().subList(0, known.parts().size()).equals(known.parts())) {
				return known;
			}
		}
		return null;
	}

	private static List<Firing> failedOperations(AlertRule rule, SweepFacts facts) {
		List<Firing> firing = new ArrayList<>();
		for (RouterOperation operation : facts.failedOperations()) {
			if (rule.watches(operation.routerId())) {
				String error = (operation.lastError() != null) ? ": " + operation.lastError() : "";
				firing.add(new Firing(operation.id(), operation.routerId(), "Operation %s %s FAILED after %d attempts%s"
					.formatted(operation.kind(), operation.id(), operation.attempts(), error)));
			}
		}
		return firing;
	}

	private static List<Firing> drift(AlertRule rule, SweepFacts facts) {
		List<Firing> firing = new ArrayList<>();
		Map<UUID, String> names = names(facts);
		facts.unrepairedDrift().forEach((routerId, open) -> {
			if (rule.watches(routerId)) {
				firing.add(new Firing(routerId, routerId,
						"Router %s has %d drift items not repaired".formatted(names.get(routerId), open)));
			}
		});
		return firing;
	}

	private static List<Firing> backups(AlertRule rule, SweepFacts facts) {
		List<Firing> firing = new ArrayList<>();
		Map<UUID, String> names = names(facts);
		for (AlertSignal signal : facts.backupSignals()) {
			UUID routerId = signal.key().objectId();
			if (signal.failing() && rule.watches(routerId) && names.containsKey(routerId)) {
				String detail = (signal.detail() != null) ? ": " + signal.detail() : "";
				firing.add(new Firing(routerId, routerId,
						"The last backup of router %s failed%s".formatted(names.get(routerId), detail)));
			}
		}
		return firing;
	}

	/**
	 * A router whose online sessions fell below {@code 100 - threshold} percent of its
	 * peak within the window. A condition already watched keeps comparing with the peak
	 * it saw before the drop, so an outage longer than the window stays open until the
	 * subscribers are back, instead of the low count becoming the new normal.
	 */
	private List<Firing> sessionsDropped(AlertRule rule, SweepFacts facts) {
		int threshold = Objects.requireNonNull(rule.threshold());
		Duration window = window(rule);
		SessionCounts counts = facts.sessionCounts();
		List<Firing> firing = new ArrayList<>();
		for (RouterFactsRow router : facts.routers()) {
			Long now = counts.now(router.id());
			if (now == null || !rule.watches(router.id())) {
				continue;
			}
			Long baseline = counts.baseline(rule.id(), router.id());
			if (baseline == null) {
				baseline = counts.peak(window, router.id());
				if (baseline == null || baseline < this.sessionsDroppedMinimum) {
					continue;
				}
			}
			if (now * 100 < (100L - threshold) * baseline) {
				firing.add(new Firing(router.id(), router.id(),
						"Online sessions on router %s dropped from %d to %d (more than %d%% within %d min)"
							.formatted(router.name(), baseline, now, threshold, window.toMinutes()),
						baseline));
			}
		}
		return firing;
	}

	/** The window of a SESSIONS_DROPPED rule. */
	static Duration window(AlertRule rule) {
		Duration window = rule.window();
		return (window != null) ? window : DEFAULT_WINDOW;
	}

	private static boolean online(AlertRule rule, RouterFactsRow router) {
		return router.fresh() && router.status().equals("ONLINE") && rule.watches(router.id());
	}

	private static Map<UUID, String> names(SweepFacts facts) {
		Map<UUID, String> names = new HashMap<>();
		facts.routers().forEach((router) -> names.put(router.id(), router.name()));
		return names;
	}

}
