package io.towerline.core.plan;

import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<Plan, UUID>, TenantScoped {

	Window<Plan> findBy(ScrollPosition position, Limit limit, Sort sort);

	Optional<Plan> findByProfileName(String profileName);

	/** The plan with its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("SELECT p FROM Plan p WHERE p.id = :id")
	Optional<Plan> findLockedById(UUID id);

	boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

	boolean existsByProfileNameAndIdNot(String profileName, UUID id);

	boolean existsByGracePlanId(UUID gracePlanId);

}
