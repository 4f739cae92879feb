package io.towerline.core.session.keys;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a tenant's search keys: all of them, or what changed since a snapshot's xmin (ADR
 * 0245). One statement either way, whose first row is the snapshot's xmin and the table's
 * identity; keys and removal markers follow.
 */
final class KeyChangeReader {

	private static final int HEADER = 0;

	private static final int KEY = 1;

	private static final int GONE = 2;

	private KeyChangeReader() {
	}

	/** Every key of the schema's table, or the first {@code most} of them. */
	static KeyChanges all(JdbcTemplate jdbc, String schema, int most) {
		return read(jdbc, header(schema) + " UNION ALL (" + keys(schema, " LIMIT " + most) + ")", null, true);
	}

	/**
	 * Keys written and markers left by transactions at or above {@code xmin} (those a
	 * snapshot with that xmin may not have seen), and below the read's own xmax: a row
	 * copied from another cluster keeps that cluster's transaction id, which can be
	 * anything, and is in the full read. A marker whose id is back in the table is left
	 * out: the row is the truth.
	 */
	static KeyChanges since(JdbcTemplate jdbc, String schema, long xmin) {
		String range = " >= ?::xid8 AND %s < pg_snapshot_xmax(pg_current_snapshot())";
		String sql = header(schema) + " UNION ALL "
				+ keys(schema, " WHERE changed_xid" + range.formatted("changed_xid")) + " UNION ALL SELECT " + GONE
				+ ", g.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM " + schema
				+ ".online_session_key_gone g WHERE g.gone_xid" + range.formatted("g.gone_xid")
				+ " AND NOT EXISTS (SELECT 1 FROM " + schema + ".online_session_key k WHERE k.id = g.id)";
		return read(jdbc, sql, Long.toString(xmin), false);
	}

	private static String header(String schema) {
		return "SELECT " + HEADER + " AS kind, NULL::uuid AS id, NULL::uuid AS router_id, NULL::uuid AS subscriber_id,"
				+ " NULL::timestamptz AS login_at, NULL::text AS sort_name, NULL::text AS search,"
				+ " pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, to_regclass('" + schema
				+ ".online_session_key')::oid::text || '@' || pg_postmaster_start_time()::text AS identity";
	}

	private static String keys(String schema, String where) {
		return "SELECT " + KEY + ", id, router_id, subscriber_id, login_at, sort_name, search, NULL, NULL FROM "
				+ schema + ".online_session_key" + where;
	}

	private static KeyChanges read(JdbcTemplate jdbc, String sql, @Nullable String xmin, boolean whole) {
		List<SearchKey> keys = new ArrayList<>();
		List<UUID> gone = new ArrayList<>();
		String[] header = new String[2];
		jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			// planned for its value: the range on the transaction ids is an index range
			// only when the planner sees how recent the value is
			statement.unwrap(PGStatement.class).setPrepareThreshold(0);
			statement.setFetchSize(10_000);
			if (xmin != null) {
				statement.setString(1, xmin);
				statement.setString(2, xmin);
			}
			return statement;
		}, (ResultSet rs) -> {
			switch (rs.getInt(1)) {
				case HEADER -> {
					header[0] = rs.getString(8);
					header[1] = rs.getString(9);
				}
				case KEY -> keys.add(key(rs));
				default -> gone.add(rs.getObject(2, UUID.class));
			}
		});
		return new KeyChanges(whole, header[1], Long.parseLong(header[0]), keys, gone);
	}

	private static SearchKey key(ResultSet rs) throws SQLException {
		Timestamp login = rs.getTimestamp(5);
		long micros = Math.addExact(Math.multiplyExact(Math.floorDiv(login.getTime(), 1000L), 1_000_000L),
				login.getNanos() / 1_000);
		return new SearchKey(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
				micros, rs.getString(6), rs.getString(7));
	}

}
