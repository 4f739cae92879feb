package io.towerline.core.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.router.Routers;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many sessions each router of the current tenant had online, per minute (ADR 0155):
 * one row per router and hour with a 60-slot array, written with the health sample and
 * kept as long as the minute health history. Hourly points are summed up from the minute
 * slots when read, so there is no second table to roll up into.
 */
@Service
@Transactional
public class OnlineCountHistory {

	private final JdbcClient jdbc;

	private final OnlineSessions sessions;

	private final Routers routers;

	private final HealthProperties properties;

	OnlineCountHistory(JdbcClient jdbc, OnlineSessions sessions, Routers routers, HealthProperties properties) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.routers = routers;
		this.properties = properties;
	}

	/**
	 * Records minute {@code now} of every router: the sessions online on it now (0 when
	 * none). At the first minute of an hour, rows past the retention are dropped.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Instant now) {
		String table = table();
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		int slot = (int) Duration.between(hour, now).toMinutes() + 1;
		List<UUID> routerIds = this.jdbc.sql("SELECT id FROM " + TenantContext.require().schemaName() + ".router")
			.query(UUID.class)
			.list();
		if (routerIds.isEmpty()) {
			return;
		}
		Map<UUID, Long> counts = this.sessions.countByRouter(routerIds);
		UUID[] ids = routerIds.toArray(UUID[]::new);
		Integer[] online = routerIds.stream()
			.map((id) -> counts.getOrDefault(id, 0L).intValue())
			.toArray(Integer[]::new);
		this.jdbc
			.sql("INSERT INTO " + table + " (router_id, hour, online) SELECT id, ?, array_fill(cast(null as int), "
					+ "array[60]) FROM unnest(?::uuid[]) AS r(id) ON CONFLICT DO NOTHING")
			.params(Timestamp.from(hour), ids)
			.update();
		this.jdbc
			.sql("UPDATE " + table + " h SET online[" + slot + "] = x.n FROM unnest(?::uuid[], ?::int[]) "
					+ "AS x(id, n) WHERE h.router_id = x.id AND h.hour = ?")
			.params(ids, online, Timestamp.from(hour))
			.update();
		if (slot == 1) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE hour < ?")
				.param(Timestamp.from(hour.minus(this.properties.minuteRetention())))
				.update();
		}
	}

	/**
	 * A router's online counts between {@code from} (inclusive) and {@code to}
	 * (exclusive), oldest first; minutes and hours without a sample are left out.
	 * @throws io.towerline.core.error.NotFoundException when the router does not exist
	 * @throws InvalidInputException when the range is empty or holds more than
	 * {@link HealthHistory#MAX_POINTS} points
	 */
	@Transactional(readOnly = true)
	public List<OnlineCountPoint> history(UUID routerId, Instant from, Instant to, HealthGranularity granularity) {
		Duration step = (granularity == HealthGranularity.MINUTE) ? Duration.ofMinutes(1) : Duration.ofHours(1);
		if (!from.isBefore(to)) {
			throw new InvalidInputException(FieldError.invalid("to", "'to' must be after 'from'"));
		}
		if (Duration.between(from, to).dividedBy(step) > HealthHistory.MAX_POINTS) {
			throw new InvalidInputException(FieldError.invalid("from", "At most " + HealthHistory.MAX_POINTS
					+ " points at a time; ask for a shorter range or hourly points"));
		}
		this.routers.get(routerId);
		List<OnlineCountPoint> points = new ArrayList<>();
		this.jdbc
			.sql("SELECT hour, array_to_string(online, ',', '') FROM " + table()
					+ " WHERE router_id = ? AND hour >= ? AND hour < ? ORDER BY hour")
			.params(routerId, Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(to))
			.query((RowCallbackHandler) (row) -> {
				Instant hour = row.getTimestamp(1).toInstant();
				Integer[] slots = HealthHistory.slots(row.getString(2));
				if (granularity == HealthGranularity.MINUTE) {
					addMinutes(points, hour, slots, from, to);
				}
				else if (!hour.isBefore(from)) {
					addHour(points, hour, slots);
				}
			});
		return points;
	}

	private static void addMinutes(List<OnlineCountPoint> points, Instant hour, Integer[] slots, Instant from,
			Instant to) {
		for (int i = 0; i < slots.length; i++) {
			Instant at = hour.plus(Duration.ofMinutes(i));
			if (slots[i] != null && !at.isBefore(from) && at.isBefore(to)) {
				points.add(new OnlineCountPoint(at, 1, slots[i], slots[i], slots[i]));
			}
		}
	}

	private static void addHour(List<OnlineCountPoint> points, Instant hour, Integer[] slots) {
		int samples = 0;
		long sum = 0;
		int max = Integer.MIN_VALUE;
		int min = Integer.MAX_VALUE;
		for (Integer value : slots) {
			if (value != null) {
				samples++;
				sum += value;
				max = Math.max(max, value);
				min = Math.min(min, value);
			}
		}
		if (samples > 0) {
			points.add(new OnlineCountPoint(hour, samples, (int) Math.round((double) sum / samples), max, min));
		}
	}

	private static String table() {
		return TenantContext.require().schemaName() + ".router_online_hour";
	}

}
