/**
 * Router operations: durable jobs (db-scheduler on {@code public.scheduled_tasks}, tenant
 * in the task data) that bring routers in line with the desired state, idempotently, with
 * retries and a visible outcome.
 */
@NullMarked
package io.towerline.core.operation;

import org.jspecify.annotations.NullMarked;
