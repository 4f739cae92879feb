package io.towerline.core.plan;

import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, UUID>, TenantScoped {

	Window<Plan> findBy(ScrollPosition position, Limit limit, Sort sort);

	Optional<Plan> findByProfileName(String profileName);

	boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

	boolean existsByProfileNameAndIdNot(String profileName, UUID id);

	boolean existsByGracePlanId(UUID gracePlanId);

}
