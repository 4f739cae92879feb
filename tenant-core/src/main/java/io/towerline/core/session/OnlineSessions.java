package io.towerline.core.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
	 * Sessions a prefix search may match to be collected and sorted rather than found by
	 * walking the sort order.
	 */
	static final int SPARSE = 2_000;

	/**
	 * The same for a substring search (ADR 0133), and how far a count goes: past it, a
	 * count only says "at least" (ADR 0170).
	 */
	static final int COUNT_CAP = 20_000;

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
	 * How many sessions match, counted up to a cap.
	 *
	 * @param count how many match, or the cap when {@code more}
	 * @param more whether more than {@code count} match (not counted)
	 */
	public record Matches(long count, boolean more) {

	}

	/**
	 * One page and, when finding it counted them anyway, how many sessions match.
	 *
	 * @param matches null when the page was found without counting: ask
	 * {@link #countUpTo} when the count is wanted
	 */
	public record Page(List<OnlineSession> sessions, @Nullable Matches matches) {

	}

	/**
	 * One page in {@code order}, after {@code after} (the last of the previous page) when
	 * given.
	 */
	public List<OnlineSession> list(OnlineSessionFilter filter, OnlineSessionOrder order, @Nullable Position after,
			int limit) {
		return page(filter, order, after, limit).sessions();
	}

	/**
	 * One page in {@code order}, after {@code after} when given. A search first collects
	 * its matches' sort keys through the search indexes, up to a cap, in the statement
	 * that also counts them and reads the page's rows: few matches are sorted there (one
	 * pass over them, and the count comes free); many are better served by walking the
	 * sort order's index, which finds a page of them at once (ADR 0133, ADR 0170).
	 */
	public Page page(OnlineSessionFilter filter, OnlineSessionOrder order, @Nullable Position after, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		planPerQuery(params);
		if (searching(params)) {
			String collect = collectSql(where, order, after, limit, params);
			List<Collected> rows = this.jdbc.sql(collect)
				.params(params)
				.query((rs, row) -> new Collected(rs.getLong("matches"),
						(rs.getObject("id") != null) ? SessionStore.online(rs, row) : null))
				.list();
			long matches = rows.get(0).matches();
			int cap = cap(params);
			if (matches <= cap) {
				List<OnlineSession> page = rows.stream()
					.map(Collected::session)
					.filter((session) -> session != null)
					.toList();
				return new Page(page, new Matches(matches, false));
			}
			List<OnlineSession> page = this.jdbc.sql(walkSql(where, order, after, limit, params))
				.params(params)
				.query(SessionStore::online)
				.list();
			return new Page(page, (cap == COUNT_CAP) ? new Matches(COUNT_CAP, true) : null);
		}
		return new Page(this.jdbc.sql(walkSql(where, order, after, limit, params))
			.params(params)
			.query(SessionStore::online)
			.list(), null);
	}

	/** How many sessions match. */
	public long count(OnlineSessionFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String sql = "SELECT count(*) FROM " + table() + " WHERE true" + where(filter, params);
		planPerQuery(params);
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/**
	 * How many sessions match, counted up to {@value #COUNT_CAP}: a broad search's exact
	 * count reads every match (90,000 at fleet size), which no list needs.
	 */
	public Matches countUpTo(OnlineSessionFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String sql = cappedCountSql(where(filter, params));
		planPerQuery(params);
		long counted = this.jdbc.sql(sql).params(params).query(Long.class).single();
		return (counted > COUNT_CAP) ? new Matches(COUNT_CAP, true) : new Matches(counted, false);
	}

	/**
	 * What PostgreSQL does for the first page of a search and its count: each statement
	 * with its plan, the rows it read and the buffers it touched (EXPLAIN ANALYZE,
	 * BUFFERS, without timings). Numbers that do not depend on the machine's load, for
	 * benchmarks and for support.
	 */
	public List<String> explain(OnlineSessionFilter filter, OnlineSessionOrder order, int limit) {
		List<String> plans = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		planPerQuery(params);
		Page page = page(filter, order, null, limit);
		if (searching(params)) {
			plans.addAll(explain(collectSql(where, order, null, limit, params), params));
		}
		if (!searching(params) || page.matches() == null || page.matches().more()) {
			plans.addAll(explain(walkSql(where, order, null, limit, params), params));
		}
		if (page.matches() == null) {
			plans.addAll(explain(cappedCountSql(where), params));
		}
		return plans;
	}

	private List<String> explain(String sql, Map<String, Object> params) {
		List<String> lines = new ArrayList<>();
		lines.add("-- " + sql);
		lines.addAll(this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql)
			.params(params)
			.query(String.class)
			.list());
		return lines;
	}

	/** A row of the collecting statement: the match count and one session of the page. */
	private record Collected(long matches, @Nullable OnlineSession session) {

	}

	private static int cap(Map<String, Object> params) {
		return params.containsKey("pattern") ? COUNT_CAP : SPARSE;
	}

	/**
	 * Up to one more match than the cap, as sort keys only; their number; and, when they
	 * are within the cap, the page's rows. One row at least (the count), with null
	 * session columns when the page is empty or past the cap (it is then found by
	 * walking). The page's rows are read again by their row address, which the
	 * statement's one snapshot keeps valid: one page visit each instead of an index
	 * descent (ADR 0187).
	 */
	private static String collectSql(String where, OnlineSessionOrder order, @Nullable Position after, int limit,
			Map<String, Object> params) {
		params.put("collect", cap(params) + 1);
		params.put("cap", cap(params));
		params.put("limit", limit);
		String columns = Arrays.stream(SessionStore.COLUMNS.split(", "))
			.map((column) -> "o." + column)
			.collect(Collectors.joining(", "));
		return "WITH matched AS MATERIALIZED (SELECT ctid AS row_at, id, login_at, lower(username) AS sort_name FROM "
				+ table() + " WHERE true" + where
				+ " LIMIT :collect), counted AS (SELECT count(*) AS matches FROM matched), "
				+ "page AS (SELECT row_at FROM matched WHERE (SELECT matches FROM counted) <= :cap"
				+ keyset(order, after, "sort_name", params) + orderBy(order, "", "sort_name")
				+ " LIMIT :limit) SELECT c.matches, " + columns + " FROM counted c LEFT JOIN (page p JOIN " + table()
				+ " o ON o.ctid = p.row_at) ON true" + orderBy(order, "o.", "lower(o.username)");
	}

	/** The page found by walking the order's index and filtering. */
	private static String walkSql(String where, OnlineSessionOrder order, @Nullable Position after, int limit,
			Map<String, Object> params) {
		params.put("limit", limit);
		return "SELECT " + SessionStore.COLUMNS + " FROM " + table() + " WHERE true" + where
				+ keyset(order, after, "lower(username)", params) + orderBy(order, "", "lower(username)")
				+ " LIMIT :limit";
	}

	private static String cappedCountSql(String where) {
		return "SELECT count(*) FROM (SELECT 1 FROM " + table() + " WHERE true" + where + " LIMIT " + (COUNT_CAP + 1)
				+ ") c";
	}

	private static String keyset(OnlineSessionOrder order, @Nullable Position after, String name,
			Map<String, Object> params) {
		if (after == null) {
			return "";
		}
		params.put("afterLogin", Timestamp.from(after.loginAt()));
		params.put("afterName", after.username().toLowerCase(Locale.ROOT));
		params.put("afterId", after.id());
		return switch (order) {
			case LOGIN_NEWEST -> " AND (login_at, id) < (:afterLogin, :afterId)";
			case LOGIN_OLDEST -> " AND (login_at, id) > (:afterLogin, :afterId)";
			case USERNAME -> " AND (" + name + ", id) > (:afterName, :afterId)";
		};
	}

	private static String orderBy(OnlineSessionOrder order, String prefix, String name) {
		return switch (order) {
			case LOGIN_NEWEST -> " ORDER BY " + prefix + "login_at DESC, " + prefix + "id DESC";
			case LOGIN_OLDEST -> " ORDER BY " + prefix + "login_at, " + prefix + "id";
			case USERNAME -> " ORDER BY " + name + ", " + prefix + "id";
		};
	}

	private static String table() {
		return TenantContext.require().schemaName() + ".online_session";
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

	private static String where(OnlineSessionFilter filter, Map<String, Object> params) {
		String schema = TenantContext.require().schemaName();
		StringBuilder sql = new StringBuilder();
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
		return sql.toString();
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
