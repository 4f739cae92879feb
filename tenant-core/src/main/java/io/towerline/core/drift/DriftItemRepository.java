package io.towerline.core.drift;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface DriftItemRepository extends JpaRepository<DriftItem, UUID>, TenantScoped {

	Window<DriftItem> findByReportId(UUID reportId, ScrollPosition position, Limit limit, Sort sort);

	Window<DriftItem> findByReportIdAndState(UUID reportId, DriftItemState state, ScrollPosition position, Limit limit,
			Sort sort);

	List<DriftItem> findByReportIdAndIdIn(UUID reportId, Collection<UUID> ids);

	List<DriftItem> findByReportIdAndState(UUID reportId, DriftItemState state);

}
