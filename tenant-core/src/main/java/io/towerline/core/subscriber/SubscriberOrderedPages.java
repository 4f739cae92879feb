package io.towerline.core.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyset pages of the staff's subscriber list in any {@link SubscriberOrder}: one query
 * picks the page's ids by a row comparison on (key, username, id), a second loads them.
 * Spring Data's keyset scrolling cannot order by an expression (a plan's name, an expiry
 * that may be null), hence the SQL. The count of the same filter is here too, so pages
 * and count can never disagree about what the filter matches.
 */
@Component
class SubscriberOrderedPages {

	private static final String KEY = "k";

	private static final String USERNAME = "u";

	private static final String ID = "id";

	private final JdbcClient jdbc;

	private final SubscriberRepository subscribers;

	SubscriberOrderedPages(JdbcClient jdbc, SubscriberRepository subscribers) {
		this.jdbc = jdbc;
		this.subscribers = subscribers;
	}

	Window<Subscriber> find(SubscriberFilter filter, SubscriberOrder order, boolean descending, ScrollPosition position,
			int limit) {
		boolean backward = position instanceof KeysetScrollPosition keyset && keyset.scrollsBackward();
		// reading backwards is reading the reversed order forwards, then turning the page
		// round
		boolean reversed = descending != backward;
		String schema = TenantContext.require().schemaName();
		StringBuilder sql = new StringBuilder("SELECT s.id, " + order.key() + " AS k, s.username FROM " + schema
				+ ".subscriber s JOIN " + schema + ".plan p ON p.id = s.plan_id WHERE NOT s.deleting");
		Map<String, Object> params = new HashMap<>();
		where(filter, schema, sql, params);
		if (!position.isInitial()) {
			Map<String, Object> keys = keys(position, order);
			sql.append(" AND (" + order.key() + ", s.username, s.id) " + (reversed ? "<" : ">") + " (:k, :u, :id)");
			params.put("k", bindable(keys.get(KEY)));
			params.put("u", keys.get(USERNAME));
			params.put("id", keys.get(ID));
		}
		String direction = reversed ? " DESC" : "";
		sql.append(" ORDER BY k" + direction + ", s.username" + direction + ", s.id" + direction + " LIMIT :limit");
		params.put("limit", limit + 1);
		List<Row> rows = new ArrayList<>(
				this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, order)).list());
		boolean more = rows.size() > limit;
		if (more) {
			rows.remove(limit);
		}
		if (backward) {
			Collections.reverse(rows);
		}
		Map<UUID, Subscriber> byId = this.subscribers.findAllById(rows.stream().map(Row::id).toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		List<Row> loaded = rows.stream().filter((row) -> byId.containsKey(row.id())).toList();
		return Window.from(loaded.stream().map((row) -> byId.get(row.id())).toList(), (index) -> backward
				? ScrollPosition.backward(loaded.get(index).keys()) : ScrollPosition.forward(loaded.get(index).keys()),
				more);
	}

	/**
	 * How many subscribers the list holds under the filter (those being removed left
	 * out).
	 */
	long count(SubscriberFilter filter) {
		String schema = TenantContext.require().schemaName();
		StringBuilder sql = new StringBuilder("SELECT count(*) FROM " + schema + ".subscriber s WHERE NOT s.deleting");
		Map<String, Object> params = new HashMap<>();
		where(filter, schema, sql, params);
		return this.jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/**
	 * Appends the filter's conditions on {@code s}, the subscriber table of the tenant's
	 * {@code schema}: the one home of what a {@link SubscriberFilter} matches, for the
	 * pages, the count and the export alike.
	 */
	static void where(SubscriberFilter filter, String schema, StringBuilder sql, Map<String, Object> params) {
		if (filter.status() != null) {
			sql.append(" AND s.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.planId() != null) {
			sql.append(" AND s.plan_id = :plan");
			params.put("plan", filter.planId());
		}
		if (filter.routerId() != null) {
			sql.append(" AND s.router_id = :router");
			params.put("router", filter.routerId());
		}
		if (filter.lifecycleState() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM " + schema + ".subscriber_lifecycle l"
					+ " WHERE l.subscriber_id = s.id AND l.state = :lifecycle)");
			params.put("lifecycle", filter.lifecycleState().name());
		}
		String pattern = filter.pattern();
		if (pattern != null) {
			sql.append(" AND (lower(s.username) LIKE :text ESCAPE '\\' OR lower(s.full_name) LIKE :text ESCAPE '\\'"
					+ " OR lower(s.email) LIKE :text ESCAPE '\\' OR lower(s.phone) LIKE :text ESCAPE '\\')");
			params.put("text", pattern);
		}
	}

	/**
	 * The cursor's keys, checked to be this order's (a cursor of another order is
	 * refused).
	 */
	private static Map<String, Object> keys(ScrollPosition position, SubscriberOrder order) {
		Map<String, Object> keys = ((KeysetScrollPosition) position).getKeys();
		Object key = keys.get(KEY);
		boolean fits = switch (order) {
			case CREATED -> key instanceof Instant;
			case EXPIRY -> key instanceof LocalDate;
			case USERNAME, STATUS, PLAN -> key instanceof String;
		};
		if (!fits || !(keys.get(USERNAME) instanceof String) || !(keys.get(ID) instanceof UUID)) {
			throw new InvalidInputException(
					FieldError.invalid("after", "The cursor belongs to another order of the list; start again"));
		}
		return keys;
	}

	private static Object bindable(Object key) {
		return (key instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : key;
	}

	private static Row row(ResultSet rs, SubscriberOrder order) throws SQLException {
		Object key = switch (order) {
			case CREATED -> rs.getObject(2, OffsetDateTime.class).toInstant();
			case EXPIRY -> rs.getObject(2, LocalDate.class);
			case USERNAME, STATUS, PLAN -> rs.getString(2);
		};
		return new Row(rs.getObject(1, UUID.class), key, rs.getString(3));
	}

	private record Row(UUID id, Object key, String username) {

		Map<String, Object> keys() {
			Map<String, Object> keys = new LinkedHashMap<>();
			keys.put(KEY, this.key);
			keys.put(USERNAME, this.username);
			keys.put(ID, this.id);
			return keys;
		}

	}

}
