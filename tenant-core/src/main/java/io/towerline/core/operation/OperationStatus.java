package io.towerline.core.operation;

/**
 * Where an operation is. QUEUED and RUNNING are in flight; SUCCEEDED and FAILED are final
 * until retried.
 */
public enum OperationStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public boolean isFinal() {
		return this == SUCCEEDED || this == FAILED;
	}

}
