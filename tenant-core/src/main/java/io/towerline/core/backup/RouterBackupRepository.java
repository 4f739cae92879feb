package io.towerline.core.backup;

import java.time.Instant;
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
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RouterBackupRepository extends JpaRepository<RouterBackup, UUID>, TenantScoped {

	Window<RouterBackup> findByRouterId(UUID routerId, ScrollPosition position, Limit limit, Sort sort);

	Window<RouterBackup> findByRouterIdAndKind(UUID routerId, BackupKind kind, ScrollPosition position, Limit limit,
			Sort sort);

	Optional<RouterBackup> findFirstByRouterIdAndKindOrderByTakenAtDescIdDesc(UUID routerId, BackupKind kind);

	/** The backups an operation recorded (in tries before the current one). */
	List<RouterBackup> findByOperationId(UUID operationId);

	/** Each router's newest backup time. */
	@Query("select b.routerId, max(b.takenAt) from RouterBackup b group by b.routerId")
	List<Object[]> lastTakenPerRouter();

	/**
	 * Backups past retention: not among the {@code keepLast} newest of their router and
	 * kind, and taken before {@code before}.
	 */
	@Modifying
	@Query(nativeQuery = true,
			value = """
					DELETE FROM router_backup WHERE id IN (
					  SELECT id FROM (
					    SELECT id, taken_at, row_number() OVER (PARTITION BY router_id, kind ORDER BY taken_at DESC, id DESC) AS n
					    FROM router_backup) ranked
					  WHERE n > :keepLast AND taken_at < :before)""")
	int deleteBeyondRetention(@Param("keepLast") int keepLast, @Param("before") Instant before);

}
