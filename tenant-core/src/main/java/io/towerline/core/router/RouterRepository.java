package io.towerline.core.router;

import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RouterRepository extends JpaRepository<Router, UUID>, TenantScoped {

	Window<Router> findBy(ScrollPosition position, Limit limit, Sort sort);

	/**
	 * The tenant's router ids in a stable order (the id's), the one list every sweep over
	 * routers works through: a router's place in it, and so its phase within a paced
	 * sweep's interval (ADR 0266), does not change from one sweep to the next.
	 */
	@Query("select r.id from Router r order by r.id")
	List<UUID> findAllIds();

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

	boolean existsByPopId(UUID popId);

	List<Router> findByPopId(UUID popId);

}
