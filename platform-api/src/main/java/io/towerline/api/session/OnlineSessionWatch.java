package io.towerline.api.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.towerline.core.session.EndedSession;
import io.towerline.core.session.OnlineSession;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.session.SessionEndReason;
import io.towerline.core.session.SessionHistory;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Logins and logouts per router for every {@code onlineSessionsChanged} subscription of
 * this replica, from one shared poll of the online table: each period it reads the
 * sessions of every watched router once (however many subscriptions watch it) and pushes
 * the difference to its watchers. The table is the truth whichever replica's tracker
 * wrote it.
 */
@Component
class OnlineSessionWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OnlineSessionWatch.class);

	private final OnlineSessions sessions;

	private final SessionHistory history;

	private final Map<RouterKey, Watched> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	OnlineSessionWatch(OnlineSessions sessions, SessionHistory history,
			@Value("${towerline.graphql.subscription-poll-period:500ms}") Duration period) {
		this.sessions = sessions;
		this.history = history;
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("session-watch").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Changes on the router from now on, until the subscriber leaves. */
	Flux<Change> follow(TenantId tenant, UUID routerId) {
		return Flux.defer(() -> {
			RouterKey key = new RouterKey(tenant, routerId);
			Sinks.Many<Change> sink = Sinks.many().unicast().onBackpressureBuffer();
			Watched router = this.watched.computeIfAbsent(key, (k) -> new Watched(current(k)));
			router.sinks.add(sink);
			return sink.asFlux().doFinally((signal) -> {
				router.sinks.remove(sink);
				this.watched.computeIfPresent(key, (k, w) -> w.sinks.isEmpty() ? null : w);
			});
		});
	}

	/** Whether anyone on this replica watches the router now (for tests). */
	boolean watches(UUID routerId) {
		return this.watched.keySet().stream().anyMatch((key) -> key.routerId().equals(routerId));
	}

	void poll() {
		// a scheduled task that throws is never run again: nothing may escape a poll
		try {
			pollWatched();
		}
		catch (Throwable ex) {
			log.error("The session watch poll failed; next try in one period", ex);
		}
	}

	private void pollWatched() {
		this.watched.forEach((key, router) -> {
			try {
				Map<UUID, OnlineSession> now = current(key);
				List<Change> changes = new ArrayList<>();
				now.forEach((id, session) -> {
					if (!router.last.containsKey(id)) {
						changes.add(Change.started(session));
					}
				});
				List<OnlineSession> gone = router.last.entrySet()
					.stream()
					.filter((entry) -> !now.containsKey(entry.getKey()))
					.map(Map.Entry::getValue)
					.toList();
				for (OnlineSession session : gone) {
					EndedSession ended = TenantContext.callAs(key.tenant(), () -> this.history.find(session.id()))
						.orElse(null);
					changes.add(Change.ended(session, (ended != null) ? ended.reason() : null));
				}
				router.last = now;
				changes.forEach((change) -> router.sinks.forEach((sink) -> sink.tryEmitNext(change)));
			}
			catch (RuntimeException ex) {
				log.warn("Reading the sessions of router {} of tenant {} failed; next try in one period",
						key.routerId(), key.tenant().slug(), ex);
			}
		});
	}

	private Map<UUID, OnlineSession> current(RouterKey key) {
		return TenantContext.callAs(key.tenant(), () -> this.sessions.ofRouter(key.routerId()))
			.stream()
			.collect(Collectors.toMap(OnlineSession::id, (session) -> session));
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.watched.values().forEach((router) -> router.sinks.forEach(Sinks.Many::tryEmitComplete));
	}

	private record RouterKey(TenantId tenant, UUID routerId) {

	}

	/** One watched router: its sessions at the last poll and who watches it. */
	private static final class Watched {

		private final Set<Sinks.Many<Change>> sinks = ConcurrentHashMap.newKeySet();

		private volatile Map<UUID, OnlineSession> last;

		Watched(Map<UUID, OnlineSession> first) {
			this.last = new HashMap<>(first);
		}

	}

	/** What happened to a session ({@code SessionChangeKind}). */
	enum Kind {

		STARTED, ENDED

	}

	/** One login or logout, as {@code OnlineSessionChange}. */
	record Change(Kind change, UUID sessionId, UUID routerId, @Nullable UUID subscriberId, String username,
			String address, Instant loginAt, @Nullable SessionEndReason endReason) {

		static Change started(OnlineSession session) {
			return new Change(Kind.STARTED, session.id(), session.routerId(), session.subscriberId(),
					session.username(), session.address(), session.loginAt(), null);
		}

		static Change ended(OnlineSession session, @Nullable SessionEndReason reason) {
			return new Change(Kind.ENDED, session.id(), session.routerId(), session.subscriberId(), session.username(),
					session.address(), session.loginAt(), reason);
		}

	}

}
