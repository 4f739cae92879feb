package io.towerline.core.operation;

import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperationRepository extends JpaRepository<RouterOperation, UUID>, TenantScoped {

	Window<RouterOperation> findBy(ScrollPosition position, Limit limit, Sort sort);

	Window<RouterOperation> findByStatus(OperationStatus status, ScrollPosition position, Limit limit, Sort sort);

	Window<RouterOperation> findBySubscriberId(UUID subscriberId, ScrollPosition position, Limit limit, Sort sort);

	long countByStatus(OperationStatus status);

}
