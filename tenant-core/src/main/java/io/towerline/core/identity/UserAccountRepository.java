package io.towerline.core.identity;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

/** Users of every realm; a null tenant means the platform realm. */
interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	Optional<UserAccount> findByUsername(String username);

	Optional<UserAccount> findByIdAndTenant(UUID id, @Nullable String tenant);

	Window<UserAccount> findByTenant(@Nullable String tenant, ScrollPosition position, Limit limit, Sort sort);

	boolean existsByTenantIsNull();

	boolean existsByUsername(String username);

	long countByTenant(String tenant);

}
