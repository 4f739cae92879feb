package io.towerline.core.subscriber;

import java.util.List;

import io.towerline.core.error.FieldError;
import io.towerline.core.operation.RouterOperation;

/**
 * What a bulk request did: the subscribers recorded, the operations carrying them to
 * their routers, and every row that was refused, with why. A refused row never stops the
 * others.
 *
 * @param created subscribers recorded (or changed)
 * @param operations one operation per router (per 10,000 subscribers)
 * @param rejected refused rows
 */
public record BulkOutcome(List<Subscriber> created, List<RouterOperation> operations, List<RejectedRow> rejected) {

	/**
	 * A refused row.
	 *
	 * @param row zero-based index of the row in the request (for CSV: the line number,
	 * header is line 1)
	 * @param key the row's username or id, when it had one
	 * @param errors what is wrong with it
	 */
	public record RejectedRow(int row, String key, List<FieldError> errors) {

	}

}
