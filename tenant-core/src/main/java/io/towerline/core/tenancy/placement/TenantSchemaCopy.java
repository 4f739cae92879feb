package io.towerline.core.tenancy.placement;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantSchemaMigrator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Copies one tenant's schema to another PostgreSQL server: the target schema is built by
 * the tenant changelog (so it is exactly what a new tenant gets, owned by the tenant's
 * role), the time partitions the source has are created alike, then every table's rows go
 * across with {@code COPY} from one repeatable-read snapshot of the source, parents
 * before the tables that reference them. Works because tenant schemas are self-contained
 * (ADR 0167). The caller holds the tenant read-only meanwhile; this does not switch the
 * catalog.
 */
@Component
public class TenantSchemaCopy {

	private final TenantSchemaMigrator migrator;

	TenantSchemaCopy(TenantSchemaMigrator migrator) {
		this.migrator = migrator;
	}

	/**
	 * Copies {@code tenant}'s schema from {@code source} to {@code target}.
	 * @return rows copied per table
	 */
	public Map<String, Long> copy(TenantId tenant, DataSource source, DataSource target) {
		String schema = tenant.schemaName();
		this.migrator.on(target).migrate(tenant);
		// listed before the copy's transaction: its first query fixes the snapshot, and
		// the locks must come before that
		List<String> tables = inReferenceOrder(JdbcClient.create(source), schema);
		try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
			from.setAutoCommit(false);
			from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			to.setAutoCommit(false);
			JdbcClient read = JdbcClient.create(new SingleConnectionDataSource(from, true));
			JdbcClient write = JdbcClient.create(new SingleConnectionDataSource(to, true));
			// SHARE: reads go on, a writer that got in before the read-only window is
			// waited for (its rows are copied) and later ones wait for the copy (ADR
			// 0174)
			if (!tables.isEmpty()) {
				read.sql("LOCK TABLE " + String.join(", ", tables.stream().map((t) -> schema + "." + t).toList())
						+ " IN SHARE MODE")
					.update();
			}
			createMissingPartitions(read, write, schema);
			Map<String, Long> copied = new LinkedHashMap<>();
			for (String table : tables) {
				write.sql("DELETE FROM " + schema + "." + table).update();
				copied.put(table, copyTable(from, to, schema + "." + table));
			}
			copySequences(read, write, schema);
			to.commit();
			from.commit();
			return copied;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Copying schema " + schema + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Partitions made at run time (sessions, usage) exist on the target before rows go.
	 * Tables only: a partition's indexes are partitions too (of the parent's index), and
	 * come with their table; listed first, one was "created" as a table (ADR 0208 moved
	 * the catalog's rows and so their order).
	 */
	private static void createMissingPartitions(JdbcClient read, JdbcClient write, String schema) {
		List<String[]> partitions = read.sql("""
				SELECT c.relname, p.relname, pg_get_expr(c.relpartbound, c.oid)
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent
				WHERE n.nspname = ? AND c.relispartition AND c.relkind IN ('r', 'p')""")
			.param(schema)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		for (String[] partition : partitions) {
			boolean exists = write.sql("SELECT to_regclass(?) IS NOT NULL")
				.param(schema + "." + partition[0])
				.query(Boolean.class)
				.single();
			if (!exists) {
				write
					.sql("CREATE TABLE " + schema + "." + partition[0] + " PARTITION OF " + schema + "." + partition[1]
							+ " " + partition[2])
					.update();
			}
		}
	}

	/**
	 * The schema's tables (partitioned parents, not their partitions; not Liquibase's),
	 * each after the tables its foreign keys reference.
	 */
	private static List<String> inReferenceOrder(JdbcClient read, String schema) {
		List<String> tables = read.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
				  AND c.relname NOT IN ('databasechangelog', 'databasechangeloglock')
				ORDER BY c.relname""").param(schema).query(String.class).list();
		Map<String, Set<String>> references = new LinkedHashMap<>();
		tables.forEach((table) -> references.put(table, new LinkedHashSet<>()));
		read.sql("""
				SELECT c.relname, r.relname FROM pg_constraint k
				JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE k.contype = 'f' AND n.nspname = ? AND c.oid <> r.oid""")
			.param(schema)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach((edge) -> {
				if (references.containsKey(edge[0]) && references.containsKey(edge[1])) {
					references.get(edge[0]).add(edge[1]);
				}
			});
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < tables.size()) {
			int before = placed.size();
			for (String table : tables) {
				if (!placed.contains(table) && placed.containsAll(references.get(table))) {
					placed.add(table);
					ordered.add(table);
				}
			}
			if (placed.size() == before) {
				throw new IllegalStateException("Foreign keys in " + schema + " form a cycle");
			}
		}
		return ordered;
	}

	private static long copyTable(Connection from, Connection to, String table) throws SQLException {
		CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
		CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
		try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();
				PipedInputStream pipeIn = new PipedInputStream(1 << 16);
				PipedOutputStream pipeOut = new PipedOutputStream(pipeIn)) {
			Future<Long> sent = reader.submit(() -> {
				try (pipeOut) {
					// a query, not the table: COPY cannot read a partitioned parent
					// directly
					return out.copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", pipeOut);
				}
			});
			long received = in.copyIn("COPY " + table + " FROM STDIN", pipeIn);
			long read = sent.get();
			if (read != received) {
				throw new IllegalStateException(table + ": read " + read + " rows, wrote " + received);
			}
			return received;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted copying " + table, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Reading " + table + " failed: " + ex.getCause(), ex.getCause());
		}
	}

	private static void copySequences(JdbcClient read, JdbcClient write, String schema) {
		read.sql("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = ? AND last_value IS NOT NULL")
			.param(schema)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.list()
			.forEach((sequence) -> write.sql("SELECT setval(?, ?)")
				.params(schema + "." + sequence[0], sequence[1])
				.query(Long.class)
				.single());
	}

}
