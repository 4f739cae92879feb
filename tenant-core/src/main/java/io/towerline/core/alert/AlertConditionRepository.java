package io.towerline.core.alert;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertConditionRepository extends JpaRepository<AlertCondition, AlertCondition.Key>, TenantScoped {

}
