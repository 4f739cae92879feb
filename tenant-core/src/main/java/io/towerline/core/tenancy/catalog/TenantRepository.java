package io.towerline.core.tenancy.catalog;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantRepository extends JpaRepository<Tenant, String> {

	Window<Tenant> findBy(ScrollPosition position, Limit limit, Sort sort);

	Window<Tenant> findBySlugContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(String slug, String displayName,
			ScrollPosition position, Limit limit, Sort sort);

	List<Tenant> findByStatus(TenantStatus status);

}
