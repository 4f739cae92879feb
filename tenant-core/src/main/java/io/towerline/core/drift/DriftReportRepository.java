package io.towerline.core.drift;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DriftReportRepository extends JpaRepository<DriftReport, UUID>, TenantScoped {

	Window<DriftReport> findByRouterId(UUID routerId, ScrollPosition position, Limit limit, Sort sort);

	/** The router's newest check that read it, before the one being recorded. */
	Optional<DriftReport> findFirstByRouterIdAndStatusOrderByCheckedAtDescIdDesc(UUID routerId,
			DriftCheckStatus status);

	@Modifying
	@Query("delete from DriftReport r where r.checkedAt < :before")
	int deleteCheckedBefore(Instant before);

}
