package io.towerline.core.operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Operations by when they last changed (the feed of a tenant's operations). */
interface OperationChangeRepository extends Repository<RouterOperation, UUID>, TenantScoped {

	List<RouterOperation> findByUpdatedAtGreaterThanEqualOrderByUpdatedAtAscIdAsc(Instant since, Limit limit);

}
