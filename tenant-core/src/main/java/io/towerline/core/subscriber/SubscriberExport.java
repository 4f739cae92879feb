package io.towerline.core.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every subscriber matching a filter, in a list order, handed row by row to a consumer
 * (an export streamed into its HTTP response). The rows come from a server-side cursor a
 * batch at a time, so 100,000 subscribers never sit in memory together.
 */
@Service
public class SubscriberExport {

	/** Rows fetched from the cursor at a time. */
	static final int FETCH_SIZE = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	SubscriberExport(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	/**
	 * Hands every matching subscriber to {@code rows}, in order; runs in one read-only
	 * transaction (the cursor needs it, and the export is one consistent snapshot).
	 * @return how many rows were handed over
	 */
	@Transactional(readOnly = true)
	public long forEach(SubscriberFilter filter, SubscriberOrder order, boolean descending,
			Consumer<ExportedSubscriber> rows) {
		String schema = TenantContext.require().schemaName();
		StringBuilder sql = new StringBuilder("SELECT s.username, s.full_name, s.email, s.phone, s.service_address,"
				+ " p.name AS plan, r.name AS router, s.status, s.expires_on, s.created_at FROM " + schema
				+ ".subscriber s JOIN " + schema + ".plan p ON p.id = s.plan_id JOIN " + schema
				+ ".router r ON r.id = s.router_id WHERE NOT s.deleting");
		Map<String, Object> params = new HashMap<>();
		SubscriberOrderedPages.where(filter, schema, sql, params);
		String direction = descending ? " DESC" : "";
		sql.append(" ORDER BY " + order.key() + direction + ", s.username" + direction + ", s.id" + direction);
		long[] count = { 0 };
		this.jdbc.query(sql.toString(), params, (ResultSet rs) -> {
			rows.accept(row(rs));
			count[0]++;
		});
		return count[0];
	}

	private static ExportedSubscriber row(ResultSet rs) throws SQLException {
		OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
		return new ExportedSubscriber(rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
				rs.getString("phone"), rs.getString("service_address"), rs.getString("plan"), rs.getString("router"),
				SubscriberStatus.valueOf(rs.getString("status")), rs.getObject("expires_on", LocalDate.class),
				created.toInstant());
	}

	/** One exported subscriber: what the list shows, names instead of ids. */
	public record ExportedSubscriber(String username, @Nullable String fullName, @Nullable String email,
			@Nullable String phone, @Nullable String address, String plan, String router, SubscriberStatus status,
			@Nullable LocalDate expiresOn, Instant createdAt) {

	}

}
