package io.towerline.core.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubscriberRepository
		extends JpaRepository<Subscriber, UUID>, JpaSpecificationExecutor<Subscriber>, TenantScoped {

	Window<Subscriber> findByDeletingFalse(ScrollPosition position, Limit limit, Sort sort);

	Window<Subscriber> findByRouterIdAndDeletingFalse(UUID routerId, ScrollPosition position, Limit limit, Sort sort);

	Optional<Subscriber> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	List<Subscriber> findByRouterId(UUID routerId);

	List<Subscriber> findByPlanIdAndDeletingFalse(UUID planId);

	List<Subscriber> findByUsernameIn(Collection<String> usernames);

	long countByRouterId(UUID routerId);

	long countByPlanId(UUID planId);

	/** Marks the PENDING ones among {@code ids} ACTIVE in one statement. */
	@Modifying
	// no version bump: a staff change made meanwhile must not fail because the platform
	// confirmed the secret (Subscriber writes only the columns it changed)
	@Query("update Subscriber s set s.status = io.towerline.core.subscriber.SubscriberStatus.ACTIVE, "
			+ "s.updatedAt = :now "
			+ "where s.id in :ids and s.status = io.towerline.core.subscriber.SubscriberStatus.PENDING")
	int activatePending(@Param("ids") Collection<UUID> ids, @Param("now") Instant now);

	/** The subscribers with these lower-cased user names (case-insensitively). */
	@Query("select s from Subscriber s where lower(s.username) in :names")
	List<Subscriber> findByLowerUsernameIn(@Param("names") Collection<String> names);

	/** Which of these lower-cased user names are taken (case-insensitively). */
	@Query("select lower(s.username) from Subscriber s where lower(s.username) in :names")
	List<String> findTakenUsernames(@Param("names") Collection<String> names);

}
