package io.towerline.core.session;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.towerline.core.session.OnlineSessions.Position;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

/**
 * The statements of the online-sessions search (ADR 0133, 0170, 0187, 0217): the filter's
 * conditions and their parameters, the statement that collects and counts matches and
 * reads a page, the one that walks a sort order's index, and the capped count. Text
 * matches any part of the user name or MAC (any case) or IP address from three characters
 * on, served by the search-key table's trigram index, and a prefix below that, served by
 * the session table's prefix indexes.
 */
final class OnlineSearchSql {

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
	private static final int TRIGRAM = 3;

	private OnlineSearchSql() {
	}

	static int cap(Map<String, Object> params) {
		return params.containsKey("pattern") ? COUNT_CAP : SPARSE;
	}

	/** Whether the statements of these parameters search text. */
	static boolean searching(Map<String, Object> params) {
		return params.containsKey("low") || params.containsKey("pattern");
	}

	/**
	 * Up to one more match than the cap, as their id and the order's sort key only; their
	 * number; and, when they are within the cap, the page's rows. One row at least (the
	 * count), with null session columns when the page is empty or past the cap (it is
	 * then found by walking). A substring search collects from the search-key table and
	 * reads the page's session rows by id (ADR 0217); a prefix search collects from the
	 * session table and reads them again by their row address, which the statement's one
	 * snapshot keeps valid: one page visit each instead of an index descent (ADR 0187).
	 */
	static String collectSql(String where, OnlineSessionOrder order, @Nullable Position after, int limit,
			Map<String, Object> params) {
		params.put("collect", cap(params) + 1);
		params.put("cap", cap(params));
		params.put("limit", limit);
		String columns = Arrays.stream(SessionStore.COLUMNS.split(", "))
			.map((column) -> "o." + column)
			.collect(Collectors.joining(", "));
		boolean keyed = keyed(params);
		// of each match only what finds the page: its id (on the key table also the
		// address the page's session rows are read by, ADR 0217) and the order's one
		// sort column; every match is stored once and read twice, by the count and by
		// the page's sort (ADR 0230)
		boolean byName = order == OnlineSessionOrder.USERNAME;
		String matched = keyed ? "SELECT id, " + (byName ? "sort_name" : "login_at") + " FROM " + keyTable()
				: "SELECT ctid AS row_at, id, " + (byName ? "lower(username) AS sort_name" : "login_at") + " FROM "
						+ table();
		return "WITH matched AS MATERIALIZED (" + matched + " WHERE true" + where
				+ " LIMIT :collect), counted AS (SELECT count(*) AS matches FROM matched), page AS (SELECT "
				+ (keyed ? "id" : "row_at") + " AS row_at FROM matched WHERE (SELECT matches FROM counted) <= :cap"
				+ keyset(order, after, "sort_name", params) + orderBy(order, "", "sort_name")
				+ " LIMIT :limit) SELECT c.matches, " + columns + " FROM counted c LEFT JOIN (page p JOIN " + table()
				+ " o ON o." + (keyed ? "id" : "ctid") + " = p.row_at) ON true"
				+ orderBy(order, "o.", "lower(o.username)");
	}

	/**
	 * The page found by walking the order's index and filtering: a substring search walks
	 * the search-key table's and reads the page's session rows by id (ADR 0217).
	 */
	static String walkSql(String where, OnlineSessionOrder order, @Nullable Position after, int limit,
			Map<String, Object> params) {
		params.put("limit", limit);
		if (keyed(params)) {
			String columns = Arrays.stream(SessionStore.COLUMNS.split(", "))
				.map((column) -> "o." + column)
				.collect(Collectors.joining(", "));
			return "SELECT " + columns + " FROM (SELECT id, login_at, sort_name FROM " + keyTable() + " WHERE true"
					+ where + keyset(order, after, "sort_name", params) + orderBy(order, "", "sort_name")
					+ " LIMIT :limit) k JOIN " + table() + " o ON o.id = k.id" + orderBy(order, "k.", "k.sort_name");
		}
		return "SELECT " + SessionStore.COLUMNS + " FROM " + table() + " WHERE true" + where
				+ keyset(order, after, "lower(username)", params) + orderBy(order, "", "lower(username)")
				+ " LIMIT :limit";
	}

	/** Counts up to one past the cap, from the table the filter's statements search. */
	static String cappedCountSql(String where, Map<String, Object> params) {
		return "SELECT count(*) FROM (SELECT 1 FROM " + searched(params) + " WHERE true" + where + " LIMIT "
				+ (COUNT_CAP + 1) + ") c";
	}

	/** Counts every match, from the table the filter's statements search. */
	static String countSql(String where, Map<String, Object> params) {
		return "SELECT count(*) FROM " + searched(params) + " WHERE true" + where;
	}

	static String keyset(OnlineSessionOrder order, @Nullable Position after, String name, Map<String, Object> params) {
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

	static String orderBy(OnlineSessionOrder order, String prefix, String name) {
		return switch (order) {
			case LOGIN_NEWEST -> " ORDER BY " + prefix + "login_at DESC, " + prefix + "id DESC";
			case LOGIN_OLDEST -> " ORDER BY " + prefix + "login_at, " + prefix + "id";
			case USERNAME -> " ORDER BY " + name + ", " + prefix + "id";
		};
	}

	static String table() {
		return TenantContext.require().schemaName() + ".online_session";
	}

	/** The search keys of the online sessions, kept in step by triggers (ADR 0217). */
	static String keyTable() {
		return TenantContext.require().schemaName() + ".online_session_key";
	}

	/** Whether the filter's conditions are on the search-key table. */
	static boolean keyed(Map<String, Object> params) {
		return params.containsKey("pattern");
	}

	/** The table the filter's conditions are on. */
	static String searched(Map<String, Object> params) {
		return keyed(params) ? keyTable() : table();
	}

	static String where(OnlineSessionFilter filter, Map<String, Object> params) {
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
		String text = searchText(filter);
		if (anywhere(text)) {
			// anywhere in one of the values, served by the search-key table's trigram
			// index (ADR 0217); the filter holds no control character, so no separator,
			// and a match never spans two values (ADR 0229)
			sql.append(" AND search LIKE :pattern");
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

	/**
	 * The filter's text as it is searched, wherever it is searched (the database or the
	 * search keys in memory): without the white space around it, in lower case (the keys
	 * hold lower-case values); empty when there is none.
	 */
	static String searchText(OnlineSessionFilter filter) {
		return (filter.text() != null) ? filter.text().strip().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * Whether {@link #searchText searched text} matches anywhere in a value
	 * ({@value #TRIGRAM} code points or more) rather than at its start.
	 */
	static boolean anywhere(String text) {
		return text.codePointCount(0, text.length()) >= TRIGRAM;
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
