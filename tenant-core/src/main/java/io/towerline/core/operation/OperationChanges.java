package io.towerline.core.operation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's operations that were created or changed from an instant on, oldest
 * change first (over the updated_at index): what a live operations list is fed from.
 */
@Service
public class OperationChanges {

	private final OperationChangeRepository operations;

	OperationChanges(OperationChangeRepository operations) {
		this.operations = operations;
	}

	/** At most {@code limit} operations changed at or after {@code since}. */
	@Transactional(readOnly = true)
	public List<RouterOperation> since(Instant since, int limit) {
		return this.operations.findByUpdatedAtGreaterThanEqualOrderByUpdatedAtAscIdAsc(since, Limit.of(limit));
	}

}
