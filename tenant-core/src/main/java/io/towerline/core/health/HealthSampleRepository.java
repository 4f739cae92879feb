package io.towerline.core.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The set-based statements of the health history: each touches every router of the tenant
 * in one statement, so a sweep costs a handful of statements per tenant however many
 * routers it has.
 */
interface HealthSampleRepository extends JpaRepository<RouterHealthState, UUID>, TenantScoped {

	/** Starts the hour's row of every router that has none yet. */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			insert into router_health_hour (router_id, hour, cpu, memory, uptime)
			select id, :hour, array_fill(cast(null as smallint), array[60]), array_fill(cast(null as smallint), array[60]),
			    array_fill(cast(null as int), array[60])
			from router
			on conflict do nothing
			""",
			nativeQuery = true)
	int startHour(@Param("hour") Instant hour);

	/**
	 * Writes minute {@code slot} (1..60) of every router the health sweep saw since
	 * {@code freshSince}: -1 unreachable, -2 login refused, else its CPU load.
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			update router_health_hour h set
			    cpu[:slot] = case r.status when 'ONLINE' then least(greatest(coalesce(r.cpu_load, 0), 0), 100)
			        when 'AUTH_FAILED' then -2 else -1 end,
			    memory[:slot] = case when r.status = 'ONLINE' and r.total_memory > 0
			        then cast(r.free_memory * 1000 / r.total_memory as smallint) end,
			    uptime[:slot] = case when r.status = 'ONLINE' then cast(least(r.uptime_seconds, 2147483647) as int) end
			from router r
			where h.router_id = r.id and h.hour = :hour and r.last_checked_at >= :freshSince and r.status <> 'UNKNOWN'
			""", nativeQuery = true)
	int sample(@Param("hour") Instant hour, @Param("slot") int slot, @Param("freshSince") Instant freshSince);

	/**
	 * Records each freshly checked router's status and uptime, stamping when it came back
	 * (ONLINE after UNREACHABLE or AUTH_FAILED) or rebooted (uptime lower than before),
	 * and returns the routers where either happened now: router id, came back, rebooted.
	 */
	@Query(value = """
			with observed as (
			    insert into router_health_state as s (router_id, status, uptime_seconds, observed_at)
			    select id, status, uptime_seconds, :now from router
			    where last_checked_at >= :freshSince and status <> 'UNKNOWN'
			    on conflict (router_id) do update set
			        status = excluded.status,
			        uptime_seconds = coalesce(excluded.uptime_seconds, s.uptime_seconds),
			        observed_at = excluded.observed_at,
			        rebooted_at = case when excluded.status = 'ONLINE' and excluded.uptime_seconds < s.uptime_seconds
			            then excluded.observed_at else s.rebooted_at end,
			        returned_at = case when excluded.status = 'ONLINE' and s.status in ('UNREACHABLE', 'AUTH_FAILED')
			            then excluded.observed_at else s.returned_at end
			    returning router_id, returned_at = :now as came_back, rebooted_at = :now as rebooted)
			select router_id, coalesce(came_back, false), coalesce(rebooted, false) from observed
			where coalesce(came_back, false) or coalesce(rebooted, false)
			""", nativeQuery = true)
	List<Object[]> observe(@Param("now") Instant now, @Param("freshSince") Instant freshSince);

	@Query(value = "select rolled_up_to from router_health_rollup where id = 1", nativeQuery = true)
	Optional<Instant> rolledUpTo();

	@Modifying(flushAutomatically = true)
	@Query(value = """
			insert into router_health_rollup (id, rolled_up_to) values (1, :at)
			on conflict (id) do update set rolled_up_to = excluded.rolled_up_to
			""", nativeQuery = true)
	int markRolledUpTo(@Param("at") Instant at);

	@Modifying(flushAutomatically = true)
	@Query(value = """
			insert into router_health_day (router_id, day, cpu_avg, cpu_max, memory_min, reachable, sampled, uptime)
			select router_id, :day, array_fill(cast(null as smallint), array[24]),
			    array_fill(cast(null as smallint), array[24]), array_fill(cast(null as smallint), array[24]),
			    array_fill(cast(0 as smallint), array[24]), array_fill(cast(0 as smallint), array[24]),
			    array_fill(cast(null as int), array[24])
			from router_health_hour where hour = :hour
			on conflict do nothing
			""", nativeQuery = true)
	int startDay(@Param("hour") Instant hour, @Param("day") LocalDate day);

	/** Folds one finished hour into slot {@code slot} (1..24) of its day's rows. */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			update router_health_day d set
			    cpu_avg[:slot] = x.cpu_avg, cpu_max[:slot] = x.cpu_max, memory_min[:slot] = x.memory_min,
			    reachable[:slot] = x.reachable, sampled[:slot] = x.sampled, uptime[:slot] = x.uptime
			from (select h.router_id,
			        cast(round((select avg(c) from unnest(h.cpu) c where c >= 0)) as smallint) as cpu_avg,
			        (select max(c) from unnest(h.cpu) c where c >= 0) as cpu_max,
			        (select min(m) from unnest(h.memory) m) as memory_min,
			        cast((select count(*) from unnest(h.cpu) c where c >= 0) as smallint) as reachable,
			        cast((select count(c) from unnest(h.cpu) c) as smallint) as sampled,
			        (select u from unnest(h.uptime) with ordinality as t(u, n) where u is not null
			            order by n desc limit 1) as uptime
			    from router_health_hour h where h.hour = :hour) x
			where d.router_id = x.router_id and d.day = :day
			""", nativeQuery = true)
	int rollUpHour(@Param("hour") Instant hour, @Param("day") LocalDate day, @Param("slot") int slot);

	@Modifying(flushAutomatically = true)
	@Query(value = "delete from router_health_hour where hour < :before", nativeQuery = true)
	int purgeHours(@Param("before") Instant before);

	@Modifying(flushAutomatically = true)
	@Query(value = "delete from router_health_day where day < :before", nativeQuery = true)
	int purgeDays(@Param("before") LocalDate before);

	/** Hour rows of a router: hour, then cpu, memory and uptime slots as text. */
	@Query(value = """
			select hour, array_to_string(cpu, ',', ''), array_to_string(memory, ',', ''),
			    array_to_string(uptime, ',', '')
			from router_health_hour where router_id = :routerId and hour >= :from and hour < :to order by hour
			""", nativeQuery = true)
	List<Object[]> hours(@Param("routerId") UUID routerId, @Param("from") Instant from, @Param("to") Instant to);

	/** Day rows of a router: day, then its slot arrays as text. */
	@Query(value = """
			select day, array_to_string(cpu_avg, ',', ''), array_to_string(cpu_max, ',', ''),
			    array_to_string(memory_min, ',', ''), array_to_string(reachable, ',', ''),
			    array_to_string(sampled, ',', ''), array_to_string(uptime, ',', '')
			from router_health_day where router_id = :routerId and day >= :from and day <= :to order by day
			""", nativeQuery = true)
	List<Object[]> days(@Param("routerId") UUID routerId, @Param("from") LocalDate from, @Param("to") LocalDate to);

}
