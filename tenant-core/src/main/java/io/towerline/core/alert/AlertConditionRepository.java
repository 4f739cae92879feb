package io.towerline.core.alert;

import java.time.Instant;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AlertConditionRepository extends JpaRepository<AlertCondition, AlertCondition.Key>, TenantScoped {

	/**
	 * Stamps the conditions that hold in this sweep, in one statement: rule and object
	 * ids come as two comma-separated lists of equal length, pairwise.
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			update alert_condition c set last_firing_at = :now
			from unnest(cast(string_to_array(:ruleIds, ',') as uuid[]), cast(string_to_array(:objectIds, ',') as uuid[]))
			    as f(rule_id, object_id)
			where c.rule_id = f.rule_id and c.object_id = f.object_id
			""",
			nativeQuery = true)
	int firing(@Param("now") Instant now, @Param("ruleIds") String ruleIds, @Param("objectIds") String objectIds);

}
