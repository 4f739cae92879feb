package io.towerline.core.drift;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface DriftIgnoreRepository extends JpaRepository<DriftIgnore, UUID>, TenantScoped {

	List<DriftIgnore> findByRouterId(UUID routerId);

	Optional<DriftIgnore> findByRouterIdAndObjectAndKindAndName(UUID routerId, DriftObject object, DriftKind kind,
			String name);

}
