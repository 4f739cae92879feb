package io.towerline.core.operation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OperationRepository extends JpaRepository<RouterOperation, UUID>, TenantScoped {

	Window<RouterOperation> findBy(ScrollPosition position, Limit limit, Sort sort);

	Window<RouterOperation> findByStatus(OperationStatus status, ScrollPosition position, Limit limit, Sort sort);

	Window<RouterOperation> findBySubscriberId(UUID subscriberId, ScrollPosition position, Limit limit, Sort sort);

	long countByStatus(OperationStatus status);

	/**
	 * Serialises the claims of one router's operations across replicas for the rest of
	 * the transaction (claims are short; the work itself runs unlocked).
	 */
	@Query(value = "select 1 from (select pg_advisory_xact_lock(hashtextextended(cast(:routerId as text), 45))) l",
			nativeQuery = true)
	int lockClaimsOf(@Param("routerId") UUID routerId);

	/**
	 * Marks the operation RUNNING unless another operation of the same router with a
	 * conflicting key is running (equal keys, or the bulk key against any single-secret
	 * key). Runs under {@link #lockClaimsOf}, so the check and the mark are atomic.
	 * @return 1 when claimed
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query(value = """
			update router_operation set status = 'RUNNING', updated_at = :now, version = version + 1
			where id = :id and status in ('QUEUED', 'WAITING_FOR_ROUTER', 'RUNNING')
			and not exists (select 1 from router_operation o
			    where o.router_id = :routerId and o.status = 'RUNNING' and o.id <> :id
			    and (o.lock_key = :lockKey
			        or (o.lock_key = 'secrets' and :lockKey like 'secret/%')
			        or (:lockKey = 'secrets' and o.lock_key like 'secret/%')))
			""", nativeQuery = true)
	int claim(@Param("id") UUID id, @Param("routerId") UUID routerId, @Param("lockKey") String lockKey,
			@Param("now") Instant now);

	/**
	 * Older operations of the same kind and key that have not started are superseded by a
	 * newer one, which applies the latest state. Runs in the caller's transaction, so it
	 * must not clear the persistence context: the caller's entities stay managed.
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			update router_operation set status = 'SUPERSEDED', superseded_by = :newer, next_attempt_at = null,
			    finished_at = :now, updated_at = :now, version = version + 1
			where router_id = :routerId and kind = :kind and lock_key = :lockKey and id <> :newer
			and status in ('QUEUED', 'WAITING_FOR_ROUTER')
			""", nativeQuery = true)
	int supersede(@Param("newer") UUID newer, @Param("routerId") UUID routerId, @Param("kind") String kind,
			@Param("lockKey") String lockKey, @Param("now") Instant now);

	/** The newest operation of the same kind and key queued after this one, if any. */
	@Query(value = """
			select n.id from router_operation n, router_operation o
			where o.id = :id and n.router_id = o.router_id and n.kind = o.kind and n.lock_key = o.lock_key
			and n.id <> o.id and (n.created_at, n.id) > (o.created_at, o.id)
			order by n.created_at desc, n.id desc limit 1
			""", nativeQuery = true)
	Optional<UUID> newerThan(@Param("id") UUID id);

	/** The operations waiting for a router, oldest first. */
	@Query(value = """
			select id from router_operation where router_id = :routerId and status = 'WAITING_FOR_ROUTER'
			order by created_at, id limit 10000
			""", nativeQuery = true)
	List<UUID> waitingOn(@Param("routerId") UUID routerId);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query(value = "update router_operation set next_attempt_at = :at where id = :id and status = 'WAITING_FOR_ROUTER'",
			nativeQuery = true)
	int due(@Param("id") UUID id, @Param("at") Instant at);

	/**
	 * Points subscribers at the operation that carries their latest change (the ids are
	 * checked against the subscriber table, so a vanished subscriber is skipped).
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			insert into subscriber_sync_operation (subscriber_id, operation_id)
			select s.id, :operationId from subscriber s where s.id in (:subscriberIds)
			on conflict (subscriber_id) do update set operation_id = excluded.operation_id
			""", nativeQuery = true)
	int pointAt(@Param("operationId") UUID operationId, @Param("subscriberIds") Collection<UUID> subscriberIds);

	/**
	 * The operation has put these subscribers' state on the router; a newer change keeps
	 * pointing at its own operation.
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			delete from subscriber_sync_operation
			where operation_id = :operationId and subscriber_id in (:subscriberIds)
			""", nativeQuery = true)
	int applied(@Param("operationId") UUID operationId, @Param("subscriberIds") Collection<UUID> subscriberIds);

	/** Subscriber id and operation id of those subscribers not yet in sync. */
	@Query(value = """
			select subscriber_id, operation_id from subscriber_sync_operation where subscriber_id in (:subscriberIds)
			""", nativeQuery = true)
	List<Object[]> pendingSyncs(@Param("subscriberIds") Collection<UUID> subscriberIds);

	// --- alerts and self-healing (issue 11) ---

	/** FAILED operations newest first, optionally of one router and of one kind. */
	@Query("""
			select o from RouterOperation o where o.status = io.towerline.core.operation.OperationStatus.FAILED
			and (:routerId is null or o.routerId = :routerId) and (:kind is null or o.kind = :kind)
			order by o.createdAt desc, o.id desc
			""")
	List<RouterOperation> findFailed(@Param("routerId") @Nullable UUID routerId,
			@Param("kind") @Nullable OperationKind kind, Limit limit);

	/**
	 * RUNNING operations whose row has not changed since {@code before}, oldest first.
	 */
	List<RouterOperation> findByStatusAndUpdatedAtBeforeOrderByUpdatedAtAsc(OperationStatus status, Instant before,
			Limit limit);

}
