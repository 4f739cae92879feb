package io.towerline.core.alert;

import java.util.List;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertSignalRepository extends JpaRepository<AlertSignal, AlertSignal.Key>, TenantScoped {

	List<AlertSignal> findByKeyKind(String kind);

}
