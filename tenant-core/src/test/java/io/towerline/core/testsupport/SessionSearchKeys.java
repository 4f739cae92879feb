package io.towerline.core.testsupport;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a tenant's search-key table says what its online sessions say (ADR 0217): the
 * rows one holds that the other does not, both ways, read in one snapshot; and which
 * trigram indexes the session tables carry.
 */
public final class SessionSearchKeys {

	private static final String DERIVED = "SELECT id, router_id, subscriber_id, login_at, lower(username), "
			+ "lower(username) || chr(31) || address || chr(31) || lower(caller_id) FROM %s.online_session";

	private static final String KEPT = "SELECT id, router_id, subscriber_id, login_at, sort_name, search "
			+ "FROM %s.online_session_key";

	private SessionSearchKeys() {
	}

	/** Rows of either table without their counterpart in the other. */
	public static long outOfStep(JdbcClient jdbc, String schema) {
		String derived = DERIVED.formatted(schema);
		String kept = KEPT.formatted(schema);
		return jdbc
			.sql("SELECT count(*) FROM ((" + derived + " EXCEPT ALL " + kept + ") UNION ALL (" + kept + " EXCEPT ALL "
					+ derived + ")) d")
			.query(Long.class)
			.single();
	}

	/**
	 * The GIN (trigram) indexes on the tables of online sessions and their search keys,
	 * by name: since ADR 0229 the search keys' one.
	 */
	public static List<String> ginIndexes(JdbcClient jdbc, String schema) {
		return jdbc
			.sql("SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t "
					+ "ON t.oid = x.indrelid JOIN pg_am a ON a.oid = i.relam WHERE a.amname = 'gin' "
					+ "AND t.relnamespace = ?::regnamespace AND t.relname IN ('online_session', 'online_session_key') "
					+ "ORDER BY i.relname")
			.param(schema)
			.query(String.class)
			.list();
	}

	/** How many search keys the tenant holds. */
	public static long count(JdbcClient jdbc, String schema) {
		return jdbc.sql("SELECT count(*) FROM " + schema + ".online_session_key").query(Long.class).single();
	}

}
