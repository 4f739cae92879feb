package io.towerline.core.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is online in the current tenant: filtered, sorted, keyset-paged lists, counts per
 * router, POP and tenant, and the sessions of a subscriber. Text search matches any part
 * of the user name or MAC (any case) or IP address from three characters on, served by
 * trigram indexes, and a prefix below that, served by prefix indexes (ADR 0133).
 */
@Service
@Transactional(readOnly = true)
public class OnlineSessions {

	/**
	 * Sessions a search may match to be collected and sorted rather than found by
	 * walking.
	 */
	static final int SPARSE = 2_000;

	/** The same for a substring search (ADR 0133). */
	static final int SPARSE_SUBSTRING = 20_000;

	/**
	 * Search text this long or longer matches anywhere (a trigram index needs three
	 * characters); shorter text matches the start of a value.
	 */
	static final int TRIGRAM = 3;

	private final JdbcClient jdbc;

	OnlineSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where a page ends: the sort values of its last session. */
	public record Position(Instant loginAt, String username, UUID id) {

		public static Position of(OnlineSession session) {
			return new Position(session.loginAt(), session.username(), session.id());
		}

	}

	/**
	 * One page in {@code order}, after {@code after} (the last of the previous page) when
	 * given.
	 */
	public List<OnlineSession> list(OnlineSessionFilter filter, OnlineSessionOrder order, @Nullable Position after,
			int limit) {
		String schema = TenantContext.require().schemaName();
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		where(filter, where, params, schema);
		String from = " FROM " + schema + ".online_session WHERE true" + where;
		planPerQuery(params);
		// a search with few matches collects them through the search indexes first and
		// sorts them: left to itself the planner sometimes walks the whole login index
		// instead (measured: p99 1.5 s at 200,000); a search matching many is served best
		// by that walk, which finds a page of matches at once
		// a substring's matches cluster in the sort order (`b0012` matches only names
		// sorting late): walking to them read 118,000 rows for 10,000 matches
		// (0.9 s), collecting them through the trigram indexes took 0.17 s
		int sparse = params.containsKey("pattern") ? SPARSE_SUBSTRING : SPARSE;
		boolean collect = searching(params)
				&& this.jdbc.sql("SELECT count(*) FROM (SELECT 1" + from + " LIMIT " + sparse + ") c")
					.params(params)
					.query(Long.class)
					.single() < sparse;
		StringBuilder sql = new StringBuilder(collect ? "WITH matched AS MATERIALIZED (SELECT " + SessionStore.COLUMNS
				+ from + ") SELECT * FROM matched WHERE true" : "SELECT " + SessionStore.COLUMNS + from);
		if (after != null) {
			switch (order) {
				case LOGIN_NEWEST -> sql.append(" AND (login_at, id) < (:afterLogin, :afterId)");
				case LOGIN_OLDEST -> sql.append(" AND (login_at, id) > (:afterLogin, :afterId)");
				case USERNAME -> sql.append(" AND (lower(username), id) > (:afterName, :afterId)");
			}
			params.put("afterLogin", Timestamp.from(after.loginAt()));
			params.put("afterName", after.username().toLowerCase(Locale.ROOT));
			params.put("afterId", after.id());
		}
		sql.append(switch (order) {
			case LOGIN_NEWEST -> " ORDER BY login_at DESC, id DESC";
			case LOGIN_OLDEST -> " ORDER BY login_at, id";
			case USERNAME -> " ORDER BY lower(username), id";
		});
		sql.append(" LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(SessionStore::online).list();
	}

	/** How many sessions match. */
	public long count(OnlineSessionFilter filter) {
		String schema = TenantContext.require().schemaName();
		StringBuilder sql = new StringBuilder("SELECT count(*) FROM " + schema + ".online_session WHERE true");
		Map<String, Object> params = new HashMap<>();
		where(filter, sql, params, schema);
		planPerQuery(params);
		return this.jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/**
	 * A search is planned for its own text: a generic plan cannot tell a prefix that
	 * matches a hundred sessions from one that matches all of them, and the wrong guess
	 * walks the whole login index (seconds at 200,000 sessions).
	 */
	private void planPerQuery(Map<String, Object> params) {
		if (searching(params)) {
			this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		}
	}

	private static boolean searching(Map<String, Object> params) {
		return params.containsKey("low") || params.containsKey("pattern");
	}

	public Optional<OnlineSession> find(UUID id) {
		return this.jdbc
			.sql("SELECT " + SessionStore.COLUMNS + " FROM " + TenantContext.require().schemaName()
					+ ".online_session WHERE id = ?")
			.param(id)
			.query(SessionStore::online)
			.optional();
	}

	/**
	 * @throws NotFoundException when the session is not online in this tenant
	 */
	public OnlineSession get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("Session", id));
	}

	/** Sessions of these subscribers, newest login first, in one query. */
	public Map<UUID, List<OnlineSession>> ofSubscribers(List<UUID> subscriberIds) {
		Map<UUID, List<OnlineSession>> sessions = new HashMap<>();
		this.jdbc
			.sql("SELECT " + SessionStore.COLUMNS + " FROM " + TenantContext.require().schemaName()
					+ ".online_session WHERE subscriber_id = ANY(?) ORDER BY login_at DESC, id DESC")
			.param(subscriberIds.toArray(UUID[]::new))
			.query(SessionStore::online)
			.list()
			.forEach((session) -> sessions.computeIfAbsent(session.subscriberId(), (id) -> new ArrayList<>())
				.add(session));
		return sessions;
	}

	/**
	 * Online sessions per router, for these routers (0 for one with none), in one query.
	 */
	public Map<UUID, Long> countByRouter(List<UUID> routerIds) {
		Map<UUID, Long> counts = new HashMap<>();
		routerIds.forEach((id) -> counts.put(id, 0L));
		this.jdbc
			.sql("SELECT router_id, count(*) FROM " + TenantContext.require().schemaName()
					+ ".online_session WHERE router_id = ANY(?) GROUP BY router_id")
			.param(routerIds.toArray(UUID[]::new))
			.query((rs, row) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Online sessions per POP, for these POPs (0 for one with none), in one query. */
	public Map<UUID, Long> countByPop(List<UUID> popIds) {
		String schema = TenantContext.require().schemaName();
		Map<UUID, Long> counts = new HashMap<>();
		popIds.forEach((id) -> counts.put(id, 0L));
		this.jdbc
			.sql("SELECT r.pop_id, count(*) FROM " + schema + ".online_session s JOIN " + schema
					+ ".router r ON r.id = s.router_id WHERE r.pop_id = ANY(?) GROUP BY r.pop_id")
			.param(popIds.toArray(UUID[]::new))
			.query((rs, row) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return counts;
	}

	/** A router's sessions as they are now (what a change subscription compares). */
	public List<OnlineSession> ofRouter(UUID routerId) {
		return this.jdbc
			.sql("SELECT " + SessionStore.COLUMNS + " FROM " + TenantContext.require().schemaName()
					+ ".online_session WHERE router_id = ?")
			.param(routerId)
			.query(SessionStore::online)
			.list();
	}

	private static void where(OnlineSessionFilter filter, StringBuilder sql, Map<String, Object> params,
			String schema) {
		if (filter.routerId() != null) {
			sql.append(" AND router_id = :routerId");
			params.put("routerId", filter.routerId());
		}
		if (filter.popId() != null) {
			sql.append(" AND router_id IN (SELECT r.id FROM " + schema + ".router r WHERE r.pop_id = :popId)");
			params.put("popId", filter.popId());
		}
		if (filter.planId() != null) {
			sql.append(
					" AND subscriber_id IN (SELECT p.id FROM " + schema + ".subscriber p WHERE p.plan_id = :planId)");
			params.put("planId", filter.planId());
		}
		if (filter.subscriberId() != null) {
			sql.append(" AND subscriber_id = :subscriberId");
			params.put("subscriberId", filter.subscriberId());
		}
		String text = (filter.text() != null) ? filter.text().strip().toLowerCase(Locale.ROOT) : "";
		if (text.codePointCount(0, text.length()) >= TRIGRAM) {
			// anywhere in the value, served by the trigram indexes (ADR 0133)
			sql.append(" AND (lower(username) LIKE :pattern OR address LIKE :pattern"
					+ " OR lower(caller_id) LIKE :pattern)");
			params.put("pattern", "%" + escapeLike(text) + "%");
		}
		else if (!text.isEmpty()) {
			// a prefix as a range in the pattern operators' byte order: it uses the
			// text_pattern_ops indexes even in a generic plan, which LIKE :prefix cannot
			sql.append(" AND ((lower(username) ~>=~ :low AND lower(username) ~<~ :high)"
					+ " OR (address ~>=~ :low AND address ~<~ :high)"
					+ " OR (lower(caller_id) ~>=~ :low AND lower(caller_id) ~<~ :high))");
			params.put("low", text);
			params.put("high", successor(text));
		}
	}

	/** The text a LIKE pattern matches literally: its wildcards and escape escaped. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The least string greater than every string starting with {@code prefix}: its last
	 * code point raised by one (code point order is UTF-8 byte order).
	 */
	static String successor(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		String head = prefix.substring(0, prefix.length() - Character.charCount(last));
		int next = Math.min(last + 1, Character.MAX_CODE_POINT);
		// no string holds a lone surrogate: after U+D7FF comes U+E000
		return head + Character.toString((next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE)
				? Character.MAX_SURROGATE + 1 : next);
	}

}
