package io.towerline.core.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retries FAILED operations in bulk, chosen by id or by filter, each from its first
 * attempt; every retry is written to the history of the operation's escalation alert,
 * which then resolves at the next sweep.
 */
@Service
@Transactional
public class OperationRetries {

	/** The most operations one bulk retry takes. */
	public static final int MAX = 1000;

	private final RouterOperations operations;

	private final Alerts alerts;

	OperationRetries(RouterOperations operations, Alerts alerts) {
		this.operations = operations;
		this.alerts = alerts;
	}

	/**
	 * Retries the given operations; those that do not exist or are not FAILED are listed
	 * in the outcome's errors (field {@code ids}) and left alone.
	 */
	public Outcome retry(List<UUID> ids, Actor actor) {
		List<UUID> wanted = List.copyOf(new LinkedHashSet<>(ids));
		if (wanted.size() > MAX) {
			return new Outcome(List.of(),
					List.of(FieldError.invalid("ids", "At most " + MAX + " operations at once, got " + wanted.size())));
		}
		Map<UUID, RouterOperation> found = this.operations.findAll(wanted)
			.stream()
			.collect(Collectors.toMap(RouterOperation::id, Function.identity()));
		List<FieldError> errors = new ArrayList<>();
		List<UUID> retryable = new ArrayList<>();
		for (UUID id : wanted) {
			RouterOperation operation = found.get(id);
			if (operation == null) {
				errors.add(new FieldError("ids", ErrorCode.NOT_FOUND, "No operation " + id));
			}
			else if (operation.status() != OperationStatus.FAILED) {
				errors.add(new FieldError("ids", ErrorCode.INVALID_STATE,
						"Operation " + id + " is " + operation.status() + "; only FAILED operations can be retried"));
			}
			else {
				retryable.add(id);
			}
		}
		return new Outcome(queueAgain(retryable, actor), errors);
	}

	/** Retries the newest {@link #MAX} FAILED operations of a router and/or kind. */
	public Outcome retryMatching(@Nullable UUID routerId, @Nullable OperationKind kind, Actor actor) {
		List<UUID> ids = this.operations.failed(routerId, kind, MAX).stream().map(RouterOperation::id).toList();
		return new Outcome(queueAgain(ids, actor), List.of());
	}

	private List<RouterOperation> queueAgain(List<UUID> ids, Actor actor) {
		List<RouterOperation> retried = ids.stream().map(this.operations::retry).toList();
		this.alerts.recordOnObjects(ids, AlertHistoryEntry.RETRIED, "Retried by " + actor.value(), actor);
		return retried;
	}

	/**
	 * What a bulk retry did.
	 *
	 * @param retried the operations queued again
	 * @param errors the ones left alone, and why
	 */
	public record Outcome(List<RouterOperation> retried, List<FieldError> errors) {

	}

}
