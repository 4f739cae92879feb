package io.towerline.core.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Logins and logouts as trackers write them, to every replica (ADR 0131). A tracker sends
 * each change with PostgreSQL {@code NOTIFY} in the transaction that changes the online
 * table, so it is delivered once that commits, in commit order, to every replica
 * listening, whichever replica tracks the router. A replica listens on one connection,
 * taken from the pool when the first follower arrives and kept while anyone follows; a
 * broken connection is taken again, and followers hear of the gap (changes in it are
 * lost, so they re-read the table).
 */
@Component
public class SessionChangeFeed implements DisposableBean {

	static final String CHANNEL = "towerline_session_change";

	private static final Logger log = LoggerFactory.getLogger(SessionChangeFeed.class);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Set<Follower> followers = new CopyOnWriteArraySet<>();

	private @Nullable Thread listener;

	private volatile boolean closed;

	SessionChangeFeed(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** What a follower is told. */
	public interface Follower {

		void changed(SessionChange change);

		/**
		 * The feed was interrupted (its connection broke) and is back: changes in between
		 * may be lost.
		 */
		void resumed();

	}

	/**
	 * Tells {@code follower} of every change from now on (as soon as this replica
	 * listens: {@link #listening}) until the returned handle is closed. Callbacks run on
	 * the feed's one thread.
	 */
	public AutoCloseable follow(Follower follower) {
		this.followers.add(follower);
		startListening();
		return () -> this.followers.remove(follower);
	}

	/** Whether this replica's listener is connected now. */
	public boolean listening() {
		return this.connected;
	}

	private volatile boolean connected;

	/**
	 * Sends the changes with the current transaction (called by trackers inside the
	 * transaction that writes them to the online table).
	 */
	void publish(List<OnlineSession> started, List<EndedSession> ended) {
		if (started.isEmpty() && ended.isEmpty()) {
			return;
		}
		TenantId tenant = TenantContext.require();
		List<String> payloads = new ArrayList<>(started.size() + ended.size());
		ended.forEach((session) -> payloads.add(encode(SessionChange.ended(tenant, session))));
		started.forEach((session) -> payloads.add(encode(SessionChange.started(tenant, session))));
		this.jdbc.sql("SELECT pg_notify(?, p) FROM unnest(?::text[]) AS p")
			.params(CHANNEL, payloads.toArray(String[]::new))
			.query((rs, row) -> 0)
			.list();
	}

	private synchronized void startListening() {
		if (this.listener == null && !this.closed) {
			this.listener = Thread.ofPlatform().daemon().name("session-change-feed").start(this::listen);
		}
	}

	private void listen() {
		boolean interrupted = false;
		while (!this.closed) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				this.connected = true;
				if (interrupted) {
					this.followers.forEach(Follower::resumed);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				try {
					while (!this.closed) {
						PGNotification[] received = notifications.getNotifications((int) POLL.toMillis());
						if (received != null) {
							for (PGNotification notification : received) {
								deliver(notification.getParameter());
							}
						}
					}
				}
				finally {
					this.connected = false;
					try (Statement statement = connection.createStatement()) {
						// the connection goes back to the pool: it must not keep
						// listening
						statement.execute("UNLISTEN *");
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				this.connected = false;
				if (this.closed) {
					return;
				}
				interrupted = true;
				log.warn("Listening for session changes failed ({}); again in {}", ex.toString(), RETRY);
				try {
					Thread.sleep(RETRY);
				}
				catch (InterruptedException stop) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void deliver(String payload) {
		SessionChange change;
		try {
			change = decode(payload);
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring an unreadable session change ({})", ex.toString());
			return;
		}
		for (Follower follower : this.followers) {
			try {
				follower.changed(change);
			}
			catch (RuntimeException ex) {
				log.warn("A session change follower failed: {}", ex.toString());
			}
		}
	}

	private String encode(SessionChange change) {
		return this.json.writeValueAsString(new Payload(change.tenant().slug(), change.kind().name(),
				change.sessionId().toString(), change.routerId().toString(),
				(change.subscriberId() != null) ? change.subscriberId().toString() : null, change.username(),
				change.address(), change.loginAt().toString(),
				(change.endReason() != null) ? change.endReason().name() : null));
	}

	private SessionChange decode(String text) {
		Payload payload = this.json.readValue(text, Payload.class);
		return new SessionChange(TenantId.of(payload.tenant()), SessionChange.Kind.valueOf(payload.kind()),
				UUID.fromString(payload.session()), UUID.fromString(payload.router()),
				(payload.subscriber() != null) ? UUID.fromString(payload.subscriber()) : null, payload.username(),
				payload.address(), Instant.parse(payload.loginAt()),
				(payload.reason() != null) ? SessionEndReason.valueOf(payload.reason()) : null);
	}

	@Override
	public void destroy() {
		this.closed = true;
		Thread running;
		synchronized (this) {
			running = this.listener;
		}
		if (running != null) {
			try {
				running.join(POLL.multipliedBy(4));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The wire form of a change (at most a few hundred bytes; NOTIFY allows 8,000). */
	record Payload(String tenant, String kind, String session, String router, @Nullable String subscriber,
			String username, String address, String loginAt, @Nullable String reason) {

	}

}
