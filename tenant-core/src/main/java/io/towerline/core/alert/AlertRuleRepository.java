package io.towerline.core.alert;

import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertRuleRepository extends JpaRepository<AlertRule, UUID>, TenantScoped {

	List<AlertRule> findByEnabledTrue();

	List<AlertRule> findAllByOrderByNameAscIdAsc();

	boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

}
