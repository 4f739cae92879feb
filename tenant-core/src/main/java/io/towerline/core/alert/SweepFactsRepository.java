package io.towerline.core.alert;

import java.time.Instant;
import java.util.List;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * What one sweep reads about the tenant's routers, in one set-based statement each (the
 * router and drift tables belong to their features; these reads are the only coupling).
 */
interface SweepFactsRepository extends Repository<AlertCondition, AlertCondition.Key>, TenantScoped {

	/**
	 * Every router: id, name, status, CPU load, free and total memory, RouterOS version,
	 * and whether the health sweep saw it since {@code freshSince}.
	 */
	@Query(value = """
			select id, name, status, cpu_load, free_memory, total_memory, routeros_version,
			    coalesce(last_checked_at >= :freshSince, false)
			from router
			""", nativeQuery = true)
	List<Object[]> routers(@Param("freshSince") Instant freshSince);

	/**
	 * Routers whose latest completed drift check has items still OPEN: router id and how
	 * many.
	 */
	@Query(value = """
			select r.id, (select count(*) from drift_item i where i.report_id = d.id and i.state = 'OPEN')
			from router r
			join lateral (select id from drift_report where router_id = r.id and status = 'COMPLETED'
			    order by checked_at desc, id desc limit 1) d on true
			where exists (select 1 from drift_item i where i.report_id = d.id and i.state = 'OPEN')
			""", nativeQuery = true)
	List<Object[]> unrepairedDrift();

}
