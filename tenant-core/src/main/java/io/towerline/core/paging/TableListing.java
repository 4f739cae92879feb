package io.towerline.core.paging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A staff list over the whole of one table of the current tenant, in the order asked, by
 * keyset pages (ADR 0181): the ids by plain SQL in the order's index, the rows by their
 * repository. The shape of every list without a filter; a list with one calls
 * {@link KeysetPages} itself.
 *
 * @param <T> the rows listed
 */
public final class TableListing<T> {

	private final JdbcClient jdbc;

	private final String table;

	private final String alias;

	private final Function<List<UUID>, List<T>> load;

	private final Function<T, UUID> idOf;

	/**
	 * @param table the table's name in the tenant schema
	 * @param alias the alias the order's keys use ({@code p} for {@code p.name})
	 * @param load the rows of these ids, in any order
	 * @param idOf a row's id
	 */
	public TableListing(JdbcClient jdbc, String table, String alias, Function<List<UUID>, List<T>> load,
			Function<T, UUID> idOf) {
		this.jdbc = jdbc;
		this.table = table;
		this.alias = alias;
		this.load = load;
		this.idOf = idOf;
	}

	/** One page of the current tenant's rows in {@code order}. */
	public Window<T> page(List<SortKey> order, boolean descending, ScrollPosition position, int limit) {
		String from = TenantContext.require().schemaName() + "." + this.table + " " + this.alias;
		return KeysetPages.read(this.jdbc, from, this.alias, "true", Map.of(), order, descending, position, limit,
				this.load, this.idOf);
	}

}
