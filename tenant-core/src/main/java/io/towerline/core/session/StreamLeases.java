package io.towerline.core.session;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which replica owns which long-lived router stream: one row per stream in
 * {@code public.stream_lease}. A replica takes a stream that is free or whose lease has
 * expired, and keeps it by renewing before it expires; all in one statement per call, on
 * the database's clock, so replicas' clocks need not agree.
 */
@Component
class StreamLeases {

	private final JdbcClient jdbc;

	StreamLeases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Renews the leases {@code owner} holds among {@code keys} and takes those that are
	 * free or expired.
	 * @return the keys {@code owner} holds afterwards
	 */
	Set<String> acquire(Collection<String> keys, String owner, Duration ttl) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		String sql = "INSERT INTO public.stream_lease AS l (stream_key, owner, expires_at, acquired_at) "
				+ "SELECT k, ?, clock_timestamp() + ?::interval, clock_timestamp() FROM unnest(?::text[]) AS k "
				+ "ON CONFLICT (stream_key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, "
				+ "acquired_at = CASE WHEN l.owner = excluded.owner THEN l.acquired_at ELSE excluded.acquired_at END "
				+ "WHERE l.owner = excluded.owner OR l.expires_at < clock_timestamp() RETURNING stream_key";
		return new HashSet<>(this.jdbc.sql(sql)
			.params(owner, ttl.toMillis() + " milliseconds", keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Gives leases back at once (a clean shutdown), so others need not wait for expiry.
	 */
	void release(Collection<String> keys, String owner) {
		if (keys.isEmpty()) {
			return;
		}
		this.jdbc.sql("DELETE FROM public.stream_lease WHERE owner = ? AND stream_key = ANY(?)")
			.params(owner, keys.toArray(String[]::new))
			.update();
	}

	/** Who holds a stream now, if anyone holds it unexpired. */
	Optional<String> holder(String key) {
		return this.jdbc
			.sql("SELECT owner FROM public.stream_lease WHERE stream_key = ? AND expires_at >= clock_timestamp()")
			.param(key)
			.query(String.class)
			.optional();
	}

	/**
	 * Announces {@code owner} as live until {@code ttl} from now, forgets replicas whose
	 * announcement expired, and counts the live ones (this one included).
	 */
	int announce(String owner, Duration ttl) {
		this.jdbc
			.sql("INSERT INTO public.stream_replica (owner, expires_at) VALUES (?, clock_timestamp() + ?::interval) "
					+ "ON CONFLICT (owner) DO UPDATE SET expires_at = excluded.expires_at")
			.params(owner, ttl.toMillis() + " milliseconds")
			.update();
		this.jdbc.sql("DELETE FROM public.stream_replica WHERE expires_at < clock_timestamp()").update();
		return this.jdbc.sql("SELECT count(*) FROM public.stream_replica").query(Integer.class).single();
	}

	/** Withdraws {@code owner} (a clean shutdown), so the others' shares grow at once. */
	void withdraw(String owner) {
		this.jdbc.sql("DELETE FROM public.stream_replica WHERE owner = ?").param(owner).update();
	}

	/**
	 * The keys among {@code keys} that nobody holds unexpired, with whoever held them
	 * last (a replica that died or stalled), in a stable order per owner so that replicas
	 * reach for different keys first.
	 */
	List<Free> free(Collection<String> keys, String owner) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT k, l.owner FROM unnest(?::text[]) AS k "
					+ "LEFT JOIN public.stream_lease l ON l.stream_key = k "
					+ "WHERE l.stream_key IS NULL OR l.expires_at < clock_timestamp() ORDER BY md5(k || ?)")
			.params(keys.toArray(String[]::new), owner)
			.query((rs, row) -> new Free(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * A stream nobody holds.
	 *
	 * @param key the stream
	 * @param lastOwner who held it last, if its lease expired rather than was given back
	 */
	record Free(String key, @Nullable String lastOwner) {

	}

}
