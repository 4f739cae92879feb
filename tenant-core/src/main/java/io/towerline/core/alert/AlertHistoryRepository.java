package io.towerline.core.alert;

import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertHistoryRepository extends JpaRepository<AlertHistoryEntry, UUID>, TenantScoped {

	List<AlertHistoryEntry> findByAlertIdOrderByAtAscIdAsc(UUID alertId);

}
