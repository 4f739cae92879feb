package io.towerline.core.session;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.error.NotFoundException;
import io.towerline.core.session.keys.Found;
import io.towerline.core.session.keys.KeyOrder;
import io.towerline.core.session.keys.KeyPosition;
import io.towerline.core.session.keys.KeyQuery;
import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is online in the current tenant: filtered, sorted, keyset-paged lists, counts per
 * router, POP and tenant, and the sessions of a subscriber. Text search matches any part
 * of the user name or MAC (any case) or IP address from three characters on, answered
 * from the tenant's search keys in memory (ADR 0245) or, with a POP or plan filter, by a
 * trigram index on the narrow table of search keys (ADR 0133, ADR 0217), as is a tenant
 * with more sessions than the keys in memory may hold (ADR 0246); a prefix below that is
 * served by prefix indexes.
 */
@Service
@Transactional(readOnly = true)
public class OnlineSessions {

	/**
	 * How far a count goes: past it, a count only says "at least" (ADR 0170).
	 */
	static final int COUNT_CAP = OnlineSearchSql.COUNT_CAP;

	private final JdbcClient jdbc;

	private final JdbcTemplate statements;

	private final Duration sampleInterval;

	private final SearchKeyMirrors mirrors;

	OnlineSessions(JdbcClient jdbc, JdbcTemplate statements, SessionProperties properties, SearchKeyMirrors mirrors) {
		this.jdbc = jdbc;
		this.statements = statements;
		this.sampleInterval = properties.sampleInterval();
		this.mirrors = mirrors;
	}

	/**
	 * How often a session's counters are sampled: its byte totals are that old at most,
	 * and a new session has none for up to that long.
	 * @return the sample interval
	 */
	public Duration sampleInterval() {
		return this.sampleInterval;
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
		KeyQuery inMemory = inMemory(filter, order, after, limit);
		Page fromMemory = (inMemory != null) ? pageInMemory(inMemory) : null;
		if (fromMemory != null) {
			return fromMemory;
		}
		Map<String, Object> params = new HashMap<>();
		String where = OnlineSearchSql.where(filter, params);
		if (OnlineSearchSql.searching(params)) {
			String collect = OnlineSearchSql.collectSql(where, order, after, limit, params);
			List<Collected> rows = query(collect, params, (rs, row) -> new Collected(rs.getLong("matches"),
					(rs.getObject("id") != null) ? SessionStore.online(rs, row) : null));
			long matches = rows.get(0).matches();
			int cap = OnlineSearchSql.cap(params);
			if (matches <= cap) {
				List<OnlineSession> page = rows.stream()
					.map(Collected::session)
					.filter((session) -> session != null)
					.toList();
				return new Page(page, new Matches(matches, false));
			}
			List<OnlineSession> page = query(OnlineSearchSql.walkSql(where, order, after, limit, params), params,
					SessionStore::online);
			return new Page(page, (cap == COUNT_CAP) ? new Matches(COUNT_CAP, true) : null);
		}
		return new Page(
				query(OnlineSearchSql.walkSql(where, order, after, limit, params), params, SessionStore::online), null);
	}

	/**
	 * The search as one answered from the search keys in memory (ADR 0245): text of three
	 * characters or more, on a router or of a subscriber or neither; a POP's or a plan's
	 * sessions are searched in the database (their routers and subscribers are not in the
	 * keys).
	 */
	private @Nullable KeyQuery inMemory(OnlineSessionFilter filter, OnlineSessionOrder order, @Nullable Position after,
			int limit) {
		String text = OnlineSearchSql.searchText(filter);
		if (!this.mirrors.enabled() || filter.popId() != null || filter.planId() != null
				|| !OnlineSearchSql.anywhere(text)) {
			return null;
		}
		KeyOrder keyOrder = switch (order) {
			case LOGIN_NEWEST -> KeyOrder.NEWEST;
			case LOGIN_OLDEST -> KeyOrder.OLDEST;
			case USERNAME -> KeyOrder.NAME;
		};
		KeyPosition position = (after != null)
				? new KeyPosition(micros(after.loginAt()), after.username().toLowerCase(Locale.ROOT), after.id())
				: null;
		return new KeyQuery(text, filter.routerId(), filter.subscriberId(), keyOrder, position, limit);
	}

	/**
	 * The page found in memory, its session rows read by id; a session that ended since
	 * is left out. The count keeps the cap of the database's search (ADR 0170). Null when
	 * the tenant's keys are not held in memory (ADR 0246): the database answers.
	 */
	private @Nullable Page pageInMemory(KeyQuery query) {
		Found found = this.mirrors.find(TenantContext.require(), this.statements, query);
		if (found == null) {
			return null;
		}
		Map<UUID, OnlineSession> rows = new HashMap<>();
		if (!found.page().isEmpty()) {
			this.jdbc.sql("SELECT " + SessionStore.COLUMNS + " FROM " + OnlineSearchSql.table() + " WHERE id = ANY(?)")
				.param(found.page().toArray(UUID[]::new))
				.query(SessionStore::online)
				.list()
				.forEach((session) -> rows.put(session.id(), session));
		}
		List<OnlineSession> page = found.page().stream().map(rows::get).filter((row) -> row != null).toList();
		Matches matches = (found.matches() > COUNT_CAP) ? new Matches(COUNT_CAP, true)
				: new Matches(found.matches(), false);
		return new Page(page, matches);
	}

	private static long micros(Instant at) {
		return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
	}

	/** How many sessions match. */
	public long count(OnlineSessionFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String sql = OnlineSearchSql.countSql(OnlineSearchSql.where(filter, params), params);
		return query(sql, params, (rs, row) -> rs.getLong(1)).get(0);
	}

	/**
	 * How many sessions match, counted up to {@value #COUNT_CAP}: a broad search's exact
	 * count reads every match (90,000 at fleet size), which no list needs.
	 */
	public Matches countUpTo(OnlineSessionFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String sql = OnlineSearchSql.cappedCountSql(OnlineSearchSql.where(filter, params), params);
		long counted = query(sql, params, (rs, row) -> rs.getLong(1)).get(0);
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
		String where = OnlineSearchSql.where(filter, params);
		Page page = page(filter, order, null, limit);
		boolean searching = OnlineSearchSql.searching(params);
		if (searching) {
			plans.addAll(explain(OnlineSearchSql.collectSql(where, order, null, limit, params), params));
		}
		if (!searching || page.matches() == null || page.matches().more()) {
			plans.addAll(explain(OnlineSearchSql.walkSql(where, order, null, limit, params), params));
		}
		if (page.matches() == null) {
			plans.addAll(explain(OnlineSearchSql.cappedCountSql(where, params), params));
		}
		return plans;
	}

	private List<String> explain(String sql, Map<String, Object> params) {
		List<String> lines = new ArrayList<>();
		lines.add("-- " + sql);
		lines.addAll(query("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, params,
				(rs, row) -> rs.getString(1)));
		return lines;
	}

	/**
	 * Runs a statement of the search. One that searches text is planned for its own text
	 * (ADR 0197): a generic plan cannot tell a prefix that matches a hundred sessions
	 * from one that matches all of them, and the wrong guess walks the whole login index
	 * (seconds at 200,000 sessions). PgJDBC sends it as a one-shot statement, which
	 * PostgreSQL plans with the values bound; that needs no round trip of its own, as
	 * {@code SET LOCAL plan_cache_mode} did.
	 */
	private <T> List<T> query(String sql, Map<String, Object> params, RowMapper<T> rows) {
		MapSqlParameterSource values = new MapSqlParameterSource(params);
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
		PreparedStatementCreator creator = new PreparedStatementCreatorFactory(
				NamedParameterUtils.substituteNamedParameters(parsed, values),
				NamedParameterUtils.buildSqlParameterList(parsed, values))
			.newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, values, null));
		boolean oneShot = OnlineSearchSql.searching(params);
		return this.statements.query((connection) -> {
			PreparedStatement statement = creator.createPreparedStatement(connection);
			if (oneShot) {
				statement.unwrap(PGStatement.class).setPrepareThreshold(0);
			}
			return statement;
		}, rows);
	}

	/** A row of the collecting statement: the match count and one session of the page. */
	private record Collected(long matches, @Nullable OnlineSession session) {

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

}
