package io.towerline.core.alert;

import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AlertRepository extends JpaRepository<Alert, UUID>, JpaSpecificationExecutor<Alert>, TenantScoped {

	List<Alert> findByStateNot(AlertState state);

	List<Alert> findByRuleIdAndStateNot(UUID ruleId, AlertState state);

	List<Alert> findByRouterIdAndStateNot(UUID routerId, AlertState state);

	List<Alert> findByObjectIdInAndStateNot(List<UUID> objectIds, AlertState state);

}
