package io.towerline.core.alert;

import java.time.Instant;
import java.util.List;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Online sessions per router at each sweep (SESSIONS_DROPPED), written and read
 * set-based: one statement per sweep whatever the number of routers.
 */
interface SessionCountSampleRepository extends Repository<AlertCondition, AlertCondition.Key>, TenantScoped {

	/**
	 * Records the sweep's counts: router ids and counts come as two comma-separated lists
	 * of equal length, pairwise. A sweep repeated at the same instant replaces its
	 * samples.
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			insert into session_count_sample (router_id, sampled_at, online)
			select s.router_id, :now, s.online
			from unnest(cast(string_to_array(:routerIds, ',') as uuid[]),
			    cast(string_to_array(:counts, ',') as bigint[])) as s(router_id, online)
			on conflict (router_id, sampled_at) do update set online = excluded.online
			""", nativeQuery = true)
	int record(@Param("now") Instant now, @Param("routerIds") String routerIds, @Param("counts") String counts);

	/**
	 * The highest count per router sampled in {@code [since, until)}: router id, count.
	 */
	@Query(value = """
			select router_id, max(online) from session_count_sample
			where sampled_at >= :since and sampled_at < :until
			group by router_id
			""", nativeQuery = true)
	List<Object[]> peaks(@Param("since") Instant since, @Param("until") Instant until);

	/** Forgets samples no window reaches any more. */
	@Modifying
	@Query(value = "delete from session_count_sample where sampled_at < :before", nativeQuery = true)
	int forget(@Param("before") Instant before);

}
