package io.towerline.core.paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pages of a list in a chosen order: one query picks the page's ids by a row
 * comparison on (keys…, id), which an index on the same columns answers by reading just
 * the page; the caller then loads those rows. Backwards is the reversed order read
 * forwards, turned round. A cursor carries its order's key names and types, so a cursor
 * of another order is refused (VALIDATION_FAILED on {@code after}) instead of silently
 * starting somewhere.
 */
public final class KeysetPages {

	private static final String ID = "id";

	private KeysetPages() {
	}

	/**
	 * One page.
	 * @param jdbc the connection
	 * @param table the table and its alias, e.g. {@code t_acme.router r}
	 * @param alias the alias, whose {@code id} is the last key
	 * @param where the list's filter ({@code true} for none), named parameters in
	 * {@code params}
	 * @param params the filter's parameters
	 * @param order the keys before the id
	 * @param descending the order's reverse
	 * @param position where the page starts
	 * @param limit the page size
	 * @param load the rows of these ids, in any order (missing ones are left out)
	 * @param idOf a row's id
	 * @return the page
	 */
	public static <T> Window<T> read(JdbcClient jdbc, String table, String alias, String where,
			Map<String, Object> params, List<SortKey> order, boolean descending, ScrollPosition position, int limit,
			Function<List<UUID>, List<T>> load, Function<T, UUID> idOf) {
		boolean backward = position instanceof KeysetScrollPosition keyset && keyset.scrollsBackward();
		boolean reversed = descending != backward;
		List<String> columns = Stream.concat(order.stream().map(SortKey::sql), Stream.of(alias + ".id")).toList();
		StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", columns))
			.append(" FROM ")
			.append(table)
			.append(" WHERE (")
			.append(where)
			.append(")");
		Map<String, Object> bound = new HashMap<>(params);
		if (!position.isInitial()) {
			Map<String, Object> keys = keys(position, order);
			List<String> names = new ArrayList<>();
			for (int i = 0; i < order.size(); i++) {
				names.add(":key" + i);
				bound.put("key" + i, bindable(keys.get(order.get(i).name())));
			}
			names.add(":keyId");
			bound.put("keyId", keys.get(ID));
			sql.append(" AND (")
				.append(String.join(", ", columns))
				.append(reversed ? ") < (" : ") > (")
				.append(String.join(", ", names))
				.append(")");
		}
		String direction = reversed ? " DESC" : "";
		sql.append(" ORDER BY ")
			.append(columns.stream().map((column) -> column + direction).collect(Collectors.joining(", ")))
			.append(" LIMIT :limit");
		bound.put("limit", limit + 1);
		List<Map<String, Object>> rows = new ArrayList<>(
				jdbc.sql(sql.toString()).params(bound).query((rs, n) -> row(rs, order)).list());
		boolean more = rows.size() > limit;
		if (more) {
			rows.remove(limit);
		}
		if (backward) {
			Collections.reverse(rows);
		}
		Map<UUID, T> byId = load.apply(rows.stream().map((row) -> (UUID) row.get(ID)).toList())
			.stream()
			.collect(Collectors.toMap(idOf, Function.identity()));
		List<Map<String, Object>> loaded = rows.stream().filter((row) -> byId.containsKey((UUID) row.get(ID))).toList();
		return Window.from(loaded.stream().map((row) -> byId.get((UUID) row.get(ID))).toList(), (index) -> backward
				? ScrollPosition.backward(loaded.get(index)) : ScrollPosition.forward(loaded.get(index)), more);
	}

	/**
	 * The cursor's keys, checked to be this order's: the same names with values of the
	 * same types.
	 */
	private static Map<String, Object> keys(ScrollPosition position, List<SortKey> order) {
		Map<String, Object> keys = (position instanceof KeysetScrollPosition keyset) ? keyset.getKeys() : Map.of();
		Set<String> expected = Stream.concat(order.stream().map(SortKey::name), Stream.of(ID))
			.collect(Collectors.toSet());
		boolean fits = keys.keySet().equals(expected) && keys.get(ID) instanceof UUID
				&& order.stream().allMatch((key) -> key.type().isInstance(keys.get(key.name())));
		if (!fits) {
			throw new InvalidInputException(
					FieldError.invalid("after", "The cursor belongs to another order of the list; start again"));
		}
		return keys;
	}

	private static Object bindable(Object key) {
		return (key instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : key;
	}

	private static Map<String, Object> row(ResultSet rs, List<SortKey> order) throws SQLException {
		Map<String, Object> keys = new LinkedHashMap<>();
		for (int i = 0; i < order.size(); i++) {
			SortKey key = order.get(i);
			keys.put(key.name(), (key.type() == Instant.class) ? rs.getObject(i + 1, OffsetDateTime.class).toInstant()
					: rs.getString(i + 1));
		}
		keys.put(ID, rs.getObject(order.size() + 1, UUID.class));
		return keys;
	}

}
