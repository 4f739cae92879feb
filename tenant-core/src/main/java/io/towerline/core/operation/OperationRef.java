package io.towerline.core.operation;

import java.util.UUID;

/**
 * The data of a scheduled operation task: which tenant, which operation. Everything else
 * is read from the tenant's schema when the task runs, so a task never carries stale
 * state or secrets.
 *
 * @param tenant tenant slug
 * @param operationId the operation
 */
record OperationRef(String tenant, UUID operationId) {

}
