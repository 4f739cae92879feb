package io.towerline.core.router;

import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface RouterRepository extends JpaRepository<Router, UUID>, TenantScoped {

	Window<Router> findBy(ScrollPosition position, Limit limit, Sort sort);

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

	boolean existsByPopId(UUID popId);

	List<Router> findByPopId(UUID popId);

}
