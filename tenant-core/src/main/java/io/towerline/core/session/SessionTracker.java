package io.towerline.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.session.SessionStore.SubscriberMatch;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.usage.CounterDelta;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageDelta;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.interfaces.Interfaces;
import io.towerline.mikrotik.interfaces.RouterInterface;
import io.towerline.mikrotik.ppp.PppActiveSession;
import io.towerline.mikrotik.ppp.SessionEvent;
import org.jspecify.annotations.Nullable;

/**
 * The platform's copy of one router's {@code /ppp/active}. Not thread-safe: its owner
 * ({@link TrackedRouter}) calls it from one task at a time.
 * <p>
 * A session is the same one across reads when its {@code .id}, user name and login time
 * (read time minus uptime, within {@link #SAME_LOGIN}) agree and the router has not
 * booted since it logged in; anything else is an end and a new start. A full read is the
 * truth: what it lacks has ended, what it has that is unknown has started. The first read
 * of a tracker announces nothing (its differences happened while nobody watched), later
 * ones and {@code listen} events publish {@code session.started}/{@code session.ended}.
 */
final class SessionTracker {

	/** How far two reads' login times of one session may differ (uptime has seconds). */
	static final Duration SAME_LOGIN = Duration.ofSeconds(3);

	static final Actor ACTOR = Actor.system("session-tracker");

	private final TenantId tenant;

	private final UUID routerId;

	private final TrackerServices services;

	private final Map<String, OnlineSession> byItem = new LinkedHashMap<>();

	private Map<String, SubscriberMatch> matches = new HashMap<>();

	/** The {@code .id} of each session's interface at its last sample. */
	private final Map<UUID, String> interfaceOf = new HashMap<>();

	private boolean loaded;

	private boolean announcing;

	private boolean gap;

	private @Nullable Instant bootAt;

	SessionTracker(TenantId tenant, UUID routerId, TrackerServices services) {
		this.tenant = tenant;
		this.routerId = routerId;
		this.services = services;
	}

	UUID routerId() {
		return this.routerId;
	}

	/**
	 * The connection to the router broke: whatever ends before the next read ended
	 * unseen.
	 */
	void lostSight() {
		this.gap = true;
	}

	/**
	 * Reads the whole {@code /ppp/active} and the router's uptime and applies the
	 * difference.
	 */
	void reread(RouterClient client) {
		Duration uptime = client.system().resource().uptime();
		List<PppActiveSession> active = client.pppActive().list();
		Instant now = this.services.clock().instant();
		Instant boot = now.minus(uptime);
		if (!this.loaded) {
			this.services.transactions()
				.executeWithoutResult((tx) -> this.services.store()
					.ofRouter(this.routerId)
					.forEach((session) -> this.byItem.put(session.itemId(), session)));
			this.loaded = true;
		}
		boolean rebooted = this.bootAt != null && boot.isAfter(this.bootAt.plus(SAME_LOGIN));
		this.matches = this.services.transactions()
			.execute((tx) -> this.services.store().subscribers(active.stream().map(PppActiveSession::name).toList()));
		Map<String, PppActiveSession> current = new HashMap<>();
		active.forEach((session) -> current.put(session.id(), session));
		List<Ending> ended = new ArrayList<>();
		List<OnlineSession> started = new ArrayList<>();
		for (OnlineSession known : this.byItem.values()) {
			PppActiveSession seen = current.get(known.itemId());
			boolean bootedSince = rebooted || known.loginAt().isBefore(boot.minus(SAME_LOGIN));
			if (seen == null || bootedSince || !same(known, seen, now)) {
				SessionEndReason reason = bootedSince ? SessionEndReason.ROUTER_REBOOTED
						: this.gap ? SessionEndReason.ROUTER_UNREACHABLE : null;
				ended.add(new Ending(known, reason, known.seenAt()));
			}
		}
		Set<String> endedItems = new HashSet<>();
		ended.forEach((ending) -> endedItems.add(ending.session().itemId()));
		for (PppActiveSession seen : active) {
			if (!this.byItem.containsKey(seen.id()) || endedItems.contains(seen.id())) {
				started.add(newSession(seen, now));
			}
		}
		apply(started, ended, this.announcing);
		this.announcing = true;
		this.gap = false;
		this.bootAt = boot;
	}

	/** A {@code listen} event. */
	void on(SessionEvent event) {
		Instant now = this.services.clock().instant();
		switch (event) {
			case SessionEvent.Started started -> {
				PppActiveSession seen = started.session();
				OnlineSession known = this.byItem.get(seen.id());
				if (known != null && same(known, seen, now)) {
					return;
				}
				this.services.transactions()
					.executeWithoutResult(
							(tx) -> this.matches.putAll(this.services.store().subscribers(List.of(seen.name()))));
				List<Ending> ended = (known != null) ? List.of(new Ending(known, null, now)) : List.of();
				apply(List.of(newSession(seen, now)), ended, true);
			}
			case SessionEvent.Ended gone -> {
				OnlineSession known = this.byItem.get(gone.sessionId());
				if (known != null) {
					apply(List.of(), List.of(new Ending(known, null, now)), true);
				}
			}
		}
	}

	/**
	 * Reads every session's interface counters (one command) and records what each used
	 * since the previous sample, counters and usage in one transaction. A sample first
	 * checks the router's uptime: after a reboot the counters started again, so it
	 * re-reads the sessions instead (their new counters count whole at the next sample).
	 * A session whose interface has another {@code .id} than at its previous sample is on
	 * a new interface, so its reading counts whole too.
	 * @return usage rows written
	 */
	int sample(RouterClient client) {
		Duration uptime = client.system().resource().uptime();
		Instant boot = this.services.clock().instant().minus(uptime);
		if (this.bootAt == null || boot.isAfter(this.bootAt.plus(SAME_LOGIN))) {
			reread(client);
			return 0;
		}
		Map<String, RouterInterface> interfaces = new HashMap<>();
		for (RouterInterface candidate : client.interfaces().list()) {
			interfaces.put(candidate.name(), candidate);
		}
		Instant now = this.services.clock().instant();
		List<OnlineSession> sampled = new ArrayList<>();
		List<UsageDelta> deltas = new ArrayList<>();
		Map<String, String> interfaceIds = new HashMap<>();
		for (OnlineSession session : this.byItem.values()) {
			RouterInterface counted = interfaces.get(Interfaces.pppoeName(session.username()));
			if (counted == null) {
				continue;
			}
			Counters reading = new Counters(counted.rxBytes(), counted.txBytes(), counted.rxPackets(),
					counted.txPackets());
			Counters previous = (session.countersAt() != null) ? session.counters() : null;
			String knownInterface = this.interfaceOf.get(session.id());
			boolean sameInterface = knownInterface == null || knownInterface.equals(counted.id());
			Counters used = CounterDelta.between(previous, reading, sameInterface);
			SubscriberMatch match = this.matches.get(session.username().toLowerCase(Locale.ROOT));
			sampled.add(session.withCounters(reading, now));
			interfaceIds.put(session.itemId(), counted.id());
			deltas.add(new UsageDelta(this.routerId, session.username(), session.subscriberId(),
					(match != null) ? match.planId() : null, used));
		}
		Integer written = this.services.transactions().execute((tx) -> {
			this.services.store().updateCounters(sampled, now);
			return this.services.usage().record(now, deltas);
		});
		for (OnlineSession session : sampled) {
			this.byItem.put(session.itemId(), session);
			this.interfaceOf.put(session.id(), interfaceIds.get(session.itemId()));
		}
		return (written != null) ? written : 0;
	}

	private boolean same(OnlineSession known, PppActiveSession seen, Instant now) {
		Duration drift = Duration.between(known.loginAt(), now.minus(seen.uptime())).abs();
		return known.username().equals(seen.name()) && drift.compareTo(SAME_LOGIN) <= 0;
	}

	private OnlineSession newSession(PppActiveSession seen, Instant now) {
		SubscriberMatch match = this.matches.get(seen.name().toLowerCase(Locale.ROOT));
		return new OnlineSession(UUID.randomUUID(), this.routerId, seen.id(), seen.name(),
				(match != null) ? match.subscriberId() : null, seen.address(), seen.callerId(),
				seen.service().name().toLowerCase(Locale.ROOT), seen.sessionId(), now.minus(seen.uptime()), now,
				Counters.ZERO, null);
	}

	private void apply(List<OnlineSession> started, List<Ending> ended, boolean announce) {
		if (started.isEmpty() && ended.isEmpty()) {
			return;
		}
		this.services.transactions().executeWithoutResult((tx) -> {
			Map<UUID, SessionStore.Marks> marked = this.services.store()
				.remove(ended.stream().map((ending) -> ending.session().id()).toList());
			List<EndedSession> history = new ArrayList<>(ended.size());
			List<UsageDelta> tails = new ArrayList<>();
			Instant tailAt = null;
			for (Ending ending : ended) {
				OnlineSession session = ending.session();
				SessionStore.Marks marks = marked.get(session.id());
				if (marks == null) {
					continue;
				}
				Counters counters = session.counters();
				SessionStore.FinalReading last = marks.finalReading();
				if (last != null && (session.countersAt() == null || last.at().isAfter(session.countersAt()))) {
					// read just before a kick: the traffic since the last sample counts
					// too
					tails.add(usage(session, tail(session, last)));
					counters = last.counters();
					tailAt = (tailAt == null || last.at().isAfter(tailAt)) ? last.at() : tailAt;
				}
				history.add(new EndedSession(session.id(), this.routerId, session.username(), session.subscriberId(),
						session.address(), session.callerId(), session.service(), session.pppSessionId(),
						session.loginAt(), ending.at(), counters, reason(ending, marks.reason())));
			}
			if (tailAt != null) {
				this.services.usage().record(tailAt, tails);
			}
			this.services.store().keep(history);
			this.services.store().insert(started);
			// every change of the table, announced or not: followers see the table
			this.services.changes().publish(started, history);
			if (announce) {
				history.forEach(this::publishEnded);
				started.forEach(this::publishStarted);
			}
		});
		ended.forEach((ending) -> {
			OnlineSession current = this.byItem.get(ending.session().itemId());
			if (current != null && current.id().equals(ending.session().id())) {
				this.byItem.remove(ending.session().itemId());
			}
			this.interfaceOf.remove(ending.session().id());
		});
		started.forEach((session) -> this.byItem.put(session.itemId(), session));
	}

	/** What a session used between its last sample and the reading before its kick. */
	private Counters tail(OnlineSession session, SessionStore.FinalReading last) {
		Counters previous = (session.countersAt() != null) ? session.counters() : null;
		String knownInterface = this.interfaceOf.get(session.id());
		boolean sameInterface = knownInterface == null || knownInterface.equals(last.interfaceId());
		return CounterDelta.between(previous, last.counters(), sameInterface);
	}

	private UsageDelta usage(OnlineSession session, Counters used) {
		SubscriberMatch match = this.matches.get(session.username().toLowerCase(Locale.ROOT));
		return new UsageDelta(this.routerId, session.username(), session.subscriberId(),
				(match != null) ? match.planId() : null, used);
	}

	/**
	 * A kick marked on the row wins; then what the reading showed; then the subscriber.
	 */
	private SessionEndReason reason(Ending ending, @Nullable SessionEndReason marked) {
		if (marked != null) {
			return marked;
		}
		if (ending.reason() != null) {
			return ending.reason();
		}
		SubscriberMatch match = this.matches.get(ending.session().username().toLowerCase(Locale.ROOT));
		return (match != null && match.disabled()) ? SessionEndReason.DISABLED : SessionEndReason.UNKNOWN;
	}

	private void publishStarted(OnlineSession session) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("routerId", this.routerId.toString());
		data.put("username", session.username());
		data.put("address", session.address());
		if (session.subscriberId() != null) {
			data.put("subscriberId", session.subscriberId().toString());
		}
		this.services.events()
			.publishEvent(TenantEvent.of(this.tenant, SessionEvents.STARTED, session.id().toString(), ACTOR,
					session.seenAt(), data));
	}

	private void publishEnded(EndedSession session) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("routerId", this.routerId.toString());
		data.put("username", session.username());
		data.put("reason", session.reason().name());
		if (session.subscriberId() != null) {
			data.put("subscriberId", session.subscriberId().toString());
		}
		this.services.events()
			.publishEvent(TenantEvent.of(this.tenant, SessionEvents.ENDED, session.id().toString(), ACTOR,
					session.logoutAt(), data));
	}

	/** Sessions this tracker holds now (for tests and the tracking's metrics). */
	int size() {
		return this.byItem.size();
	}

	private record Ending(OnlineSession session, @Nullable SessionEndReason reason, Instant at) {

	}

}
