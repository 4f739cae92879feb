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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.towerline.core.session.EndedSession;
import io.towerline.core.session.OnlineSession;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.session.SessionChange;
import io.towerline.core.session.SessionChangeFeed;
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
 * this replica (ADR 0131). Changes come from the trackers of whichever replica tracks the
 * router, through the {@link SessionChangeFeed}; each watched router's sessions are kept
 * here so every change is told once however it arrives, and the table is re-read now and
 * then (and at once after the feed was interrupted) to catch anything the feed missed.
 * All of it runs on the watch's one thread, in arrival order.
 */
@Component
class OnlineSessionWatch implements SessionChangeFeed.Follower, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OnlineSessionWatch.class);

	private final OnlineSessions sessions;

	private final SessionHistory history;

	private final SessionChangeFeed feed;

	private final Map<RouterKey, Watched> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService thread;

	private @Nullable AutoCloseable following;

	OnlineSessionWatch(OnlineSessions sessions, SessionHistory history, SessionChangeFeed feed,
			@Value("${towerline.sessions.watch-reconcile-interval:30s}") Duration reconcile) {
		this.sessions = sessions;
		this.history = history;
		this.feed = feed;
		this.thread = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("session-watch").factory());
		this.thread.scheduleWithFixedDelay(this::reconcileAll, reconcile.toMillis(), reconcile.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Changes on the router from now on, until the subscriber leaves. */
	Flux<Change> follow(TenantId tenant, UUID routerId) {
		return Flux.defer(() -> {
			startFollowing();
			RouterKey key = new RouterKey(tenant, routerId);
			Sinks.Many<Change> sink = Sinks.many().unicast().onBackpressureBuffer();
			Watched router = this.watched.computeIfAbsent(key, (k) -> {
				Watched created = new Watched();
				// read on the watch's thread, so no change is applied to a half-read copy
				run(() -> load(k, created));
				return created;
			});
			router.sinks.add(sink);
			return sink.asFlux().doFinally((signal) -> {
				router.sinks.remove(sink);
				this.watched.computeIfPresent(key, (k, w) -> w.sinks.isEmpty() ? null : w);
			});
		});
	}

	/**
	 * Whether a subscription on this replica follows the router now: its sessions are
	 * read and the feed listens (for tests).
	 */
	boolean watches(UUID routerId) {
		return this.feed.listening() && this.watched.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().routerId().equals(routerId) && entry.getValue().last != null);
	}

	private synchronized void startFollowing() {
		if (this.following == null) {
			this.following = this.feed.follow(this);
		}
	}

	/** From the feed's thread: handled on the watch's. */
	@Override
	public void changed(SessionChange change) {
		if (this.watched.containsKey(new RouterKey(change.tenant(), change.routerId()))) {
			run(() -> apply(change));
		}
	}

	@Override
	public void resumed() {
		run(this::reconcileAll);
	}

	private void apply(SessionChange change) {
		Watched router = this.watched.get(new RouterKey(change.tenant(), change.routerId()));
		Map<UUID, Change> last = (router != null) ? router.last : null;
		if (router == null || last == null) {
			return;
		}
		Change told = Change.of(change);
		boolean news = switch (change.kind()) {
			case STARTED -> last.putIfAbsent(change.sessionId(), told) == null;
			case ENDED -> last.remove(change.sessionId()) != null;
		};
		if (news) {
			router.emit(told);
		}
	}

	private void load(RouterKey key, Watched router) {
		try {
			router.last = current(key);
		}
		catch (RuntimeException ex) {
			log.warn("Reading the sessions of router {} of tenant {} failed; read again at the next reconcile",
					key.routerId(), key.tenant().slug(), ex);
		}
	}

	/** A scheduled task that throws is never run again: nothing may escape. */
	private void reconcileAll() {
		this.watched.forEach((key, router) -> {
			try {
				reconcile(key, router);
			}
			catch (RuntimeException ex) {
				log.warn("Re-reading the sessions of router {} of tenant {} failed; next try in one interval",
						key.routerId(), key.tenant().slug(), ex);
			}
		});
	}

	/** Tells what the table shows that the feed did not. */
	private void reconcile(RouterKey key, Watched router) {
		Map<UUID, Change> last = router.last;
		Map<UUID, Change> now = current(key);
		if (last == null) {
			router.last = now;
			return;
		}
		List<Change> changes = new ArrayList<>();
		now.forEach((id, session) -> {
			if (!last.containsKey(id)) {
				changes.add(session);
			}
		});
		for (Change gone : last.values()) {
			if (!now.containsKey(gone.sessionId())) {
				EndedSession ended = TenantContext.callAs(key.tenant(), () -> this.history.find(gone.sessionId()))
					.orElse(null);
				changes.add(gone.ended((ended != null) ? ended.reason() : null));
			}
		}
		router.last = now;
		changes.forEach(router::emit);
	}

	private Map<UUID, Change> current(RouterKey key) {
		return TenantContext.callAs(key.tenant(), () -> this.sessions.ofRouter(key.routerId()))
			.stream()
			.collect(Collectors.toMap(OnlineSession::id, Change::started, (a, b) -> a, HashMap::new));
	}

	private void run(Runnable task) {
		try {
			this.thread.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.warn("A session watch task failed: {}", ex.toString());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
	}

	@Override
	public void destroy() throws Exception {
		AutoCloseable current = this.following;
		if (current != null) {
			current.close();
		}
		this.thread.shutdownNow();
		this.watched.values().forEach((router) -> router.sinks.forEach(Sinks.Many::tryEmitComplete));
	}

	private record RouterKey(TenantId tenant, UUID routerId) {

	}

	/**
	 * One watched router: its sessions as last told (null until first read; touched only
	 * on the watch's thread) and who watches it.
	 */
	private static final class Watched {

		private final Set<Sinks.Many<Change>> sinks = ConcurrentHashMap.newKeySet();

		private volatile @Nullable Map<UUID, Change> last;

		void emit(Change change) {
			this.sinks.forEach((sink) -> sink.tryEmitNext(change));
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

		static Change of(SessionChange change) {
			return new Change(Kind.valueOf(change.kind().name()), change.sessionId(), change.routerId(),
					change.subscriberId(), change.username(), change.address(), change.loginAt(), change.endReason());
		}

		Change ended(@Nullable SessionEndReason reason) {
			return new Change(Kind.ENDED, this.sessionId, this.routerId, this.subscriberId, this.username, this.address,
					this.loginAt, reason);
		}

	}

}
