package io.towerline.core.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.usage.Counters;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's ended sessions, newest logout first, keyset-paged. */
@Service
@Transactional(readOnly = true)
public class SessionHistory {

	private static final String COLUMNS = "id, router_id, username, subscriber_id, address, caller_id, service, "
			+ "ppp_session_id, login_at, logout_at, rx_bytes, tx_bytes, rx_packets, tx_packets, end_reason";

	private final JdbcClient jdbc;

	SessionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where a page ends: the sort values of its last session. */
	public record Position(Instant logoutAt, UUID id) {

	}

	/** One page, after {@code after} (the last of the previous page) when given. */
	public List<EndedSession> list(SessionHistoryFilter filter, @Nullable Position after, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + " FROM " + TenantContext.require().schemaName() + ".session_history WHERE true");
		Map<String, Object> params = new HashMap<>();
		if (filter.subscriberId() != null) {
			sql.append(" AND subscriber_id = :subscriberId");
			params.put("subscriberId", filter.subscriberId());
		}
		if (filter.routerId() != null) {
			sql.append(" AND router_id = :routerId");
			params.put("routerId", filter.routerId());
		}
		if (filter.username() != null) {
			sql.append(" AND lower(username) = :username");
			params.put("username", filter.username().toLowerCase(Locale.ROOT));
		}
		if (filter.reason() != null) {
			sql.append(" AND end_reason = :reason");
			params.put("reason", filter.reason().name());
		}
		if (filter.from() != null) {
			sql.append(" AND logout_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND logout_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		if (after != null) {
			sql.append(" AND (logout_at, id) < (:afterLogout, :afterId)");
			params.put("afterLogout", Timestamp.from(after.logoutAt()));
			params.put("afterId", after.id());
		}
		sql.append(" ORDER BY logout_at DESC, id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(SessionHistory::ended).list();
	}

	public Optional<EndedSession> find(UUID id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + TenantContext.require().schemaName()
					+ ".session_history WHERE id = ?")
			.param(id)
			.query(SessionHistory::ended)
			.optional();
	}

	static EndedSession ended(ResultSet rs, int row) throws SQLException {
		return new EndedSession(
				rs.getObject("id", UUID.class), rs.getObject("router_id", UUID.class), rs.getString("username"),
				rs.getObject("subscriber_id", UUID.class), rs.getString("address"), rs.getString("caller_id"),
				rs.getString("service"), rs.getString("ppp_session_id"), rs.getTimestamp("login_at").toInstant(),
				rs.getTimestamp("logout_at").toInstant(), new Counters(rs.getLong("rx_bytes"), rs.getLong("tx_bytes"),
						rs.getLong("rx_packets"), rs.getLong("tx_packets")),
				SessionEndReason.valueOf(rs.getString("end_reason")));
	}

}
