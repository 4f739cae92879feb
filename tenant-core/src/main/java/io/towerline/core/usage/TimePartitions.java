package io.towerline.core.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Range partitions by time (UTC) of a tenant's high-volume tables: created ahead of need,
 * dropped whole once past retention. A partition is named after its table and the start
 * of its period ({@code usage_5m_p20261127}), so its range is read from its name.
 */
@Component
public class TimePartitions {

	private static final Logger log = LoggerFactory.getLogger(TimePartitions.class);

	/**
	 * The first key of the advisory locks partition creators take (the second is the
	 * partition's name hashed), apart from other features' locks.
	 */
	private static final int LOCK_SPACE = 0x70617274;

	private final JdbcClient jdbc;

	private final Set<String> ensured = ConcurrentHashMap.newKeySet();

	TimePartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How much time one partition holds. */
	public enum Period {

		DAY("yyyyMMdd"), MONTH("yyyyMM"), YEAR("yyyy");

		private final DateTimeFormatter suffix;

		Period(String pattern) {
			this.suffix = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
		}

		ZonedDateTime startOf(Instant instant) {
			ZonedDateTime day = instant.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
			return switch (this) {
				case DAY -> day;
				case MONTH -> day.withDayOfMonth(1);
				case YEAR -> day.withDayOfYear(1);
			};
		}

		ZonedDateTime next(ZonedDateTime start) {
			return switch (this) {
				case DAY -> start.plusDays(1);
				case MONTH -> start.plusMonths(1);
				case YEAR -> start.plusYears(1);
			};
		}

		String name(String table, ZonedDateTime start) {
			return table + "_p" + this.suffix.format(start);
		}

		ZonedDateTime parse(String table, String partition) {
			String text = partition.substring(table.length() + 2);
			return switch (this) {
				case DAY ->
					ZonedDateTime.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
							Integer.parseInt(text.substring(6, 8)), 0, 0, 0, 0, ZoneOffset.UTC);
				case MONTH -> ZonedDateTime.of(Integer.parseInt(text.substring(0, 4)),
						Integer.parseInt(text.substring(4, 6)), 1, 0, 0, 0, 0, ZoneOffset.UTC);
				case YEAR -> ZonedDateTime.of(Integer.parseInt(text), 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
			};
		}

	}

	/**
	 * Creates the partitions covering {@code from} to {@code to} that do not exist yet,
	 * in the caller's transaction. Creators of one partition take turns (a transaction
	 * advisory lock on its name): two concurrent {@code CREATE TABLE IF NOT EXISTS} both
	 * pass the existence check and the second fails on the catalog's unique index, which
	 * aborts the caller's transaction (25P02 for everything after it). The lock is held
	 * to the end of the caller's transaction, so the next creator's statement sees the
	 * committed partition and does nothing; one that exists already is not locked for.
	 * Without a caller's transaction it runs in one of its own (the lock would otherwise
	 * end with its statement).
	 */
	@Transactional
	public void ensure(TenantId tenant, String table, Period period, Instant from, Instant to) {
		Instant last = period.startOf(to).toInstant();
		for (ZonedDateTime start = period.startOf(from); !start.toInstant().isAfter(last); start = period.next(start)) {
			String name = tenant.schemaName() + "." + period.name(table, start);
			if (exists(name)) {
				continue;
			}
			this.jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?, hashtext(?))) l")
				.params(LOCK_SPACE, name)
				.query(Integer.class)
				.single();
			this.jdbc
				.sql("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + tenant.schemaName() + "." + table
						+ " FOR VALUES FROM ('" + start.toOffsetDateTime() + "') TO ('"
						+ period.next(start).toOffsetDateTime() + "')")
				.update();
		}
	}

	private boolean exists(String qualifiedName) {
		return this.jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(qualifiedName).query(Boolean.class).single();
	}

	/**
	 * Makes sure the partition holding {@code at} exists, asking the database only the
	 * first time this replica needs it.
	 */
	@Transactional
	public void ensureCached(TenantId tenant, String table, Period period, Instant at) {
		String key = tenant.schemaName() + "." + period.name(table, period.startOf(at));
		if (!this.ensured.contains(key)) {
			ensure(tenant, table, period, at, at);
			this.ensured.add(key);
		}
	}

	/**
	 * Drops the partitions that end at or before {@code before}.
	 * @return the names dropped
	 */
	public List<String> dropEndingBy(TenantId tenant, String table, Period period, Instant before) {
		List<String> dropped = new ArrayList<>();
		for (String name : existing(tenant, table)) {
			ZonedDateTime start;
			try {
				start = period.parse(table, name);
			}
			catch (RuntimeException ex) {
				log.warn("Partition {} of {}.{} is not named by its period; left alone", name, tenant.schemaName(),
						table);
				continue;
			}
			if (!period.next(start).toInstant().isAfter(before)) {
				this.jdbc.sql("DROP TABLE IF EXISTS " + tenant.schemaName() + "." + name).update();
				this.ensured.remove(tenant.schemaName() + "." + name);
				dropped.add(name);
			}
		}
		return dropped;
	}

	/** The partitions a table has now. */
	public List<String> existing(TenantId tenant, String table) {
		return this.jdbc
			.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
					+ "JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace "
					+ "WHERE n.nspname = ? AND p.relname = ? ORDER BY c.relname")
			.params(tenant.schemaName(), table)
			.query(String.class)
			.list();
	}

}
