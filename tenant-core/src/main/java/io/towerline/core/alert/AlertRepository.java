package io.towerline.core.alert;

import java.util.List;
import java.util.UUID;

import java.time.Instant;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AlertRepository extends JpaRepository<Alert, UUID>, JpaSpecificationExecutor<Alert>, TenantScoped {

	List<Alert> findByStateNot(AlertState state);

	List<Alert> findByRuleIdAndStateNot(UUID ruleId, AlertState state);

	List<Alert> findByRouterIdAndStateNot(UUID routerId, AlertState state);

	List<Alert> findByObjectIdInAndStateNot(List<UUID> objectIds, AlertState state);

	/** Stamps the alerts whose condition holds in this sweep, in one statement. */
	@Modifying(flushAutomatically = true)
	@Query("update Alert a set a.lastFiringAt = :now where a.id in :ids")
	int firing(@Param("now") Instant now, @Param("ids") List<UUID> ids);

}
