package io.towerline.core.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiClientRepository extends JpaRepository<ApiClient, UUID> {

	Optional<ApiClient> findByClientId(String clientId);

	Optional<ApiClient> findByIdAndTenant(UUID id, String tenant);

	Window<ApiClient> findByTenant(String tenant, ScrollPosition position, Limit limit, Sort sort);

	long countByTenantAndRevokedAtIsNull(String tenant);

}
