package io.towerline.core.platformoutbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.TaskSummary;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * The queue as a tenant on a cluster other than main sees it (ADR 0183): a job it
 * schedules goes to its outbox in its own transaction and reaches main's queue after
 * commit (delivered with {@code scheduleIfNotExists}, so every schedule variant is one
 * outbox entry); reads and changes of queued jobs go to main's queue directly.
 */
class DeferredSchedulerClient implements SchedulerClient {

	private final PlatformOutbox outbox;

	private final QueuedJobs jobs;

	DeferredSchedulerClient(PlatformOutbox outbox, QueuedJobs jobs) {
		this.outbox = outbox;
		this.jobs = jobs;
	}

	private boolean queued(TaskInstance<?> instance, Instant at) {
		this.outbox.append(QueuedJobs.KIND, this.jobs.body(instance, at));
		return true;
	}

	private boolean queued(SchedulableInstance<?> instance, Instant now) {
		return queued(instance.getTaskInstance(), instance.getNextExecutionTime(now));
	}

	@Override
	public <T> boolean schedule(TaskInstance<T> instance, Instant at, ScheduleOptions options) {
		return queued(instance, at);
	}

	@Override
	public <T> boolean schedule(SchedulableInstance<T> instance, ScheduleOptions options) {
		return queued(instance, Instant.now());
	}

	@Override
	public <T> void schedule(TaskInstance<T> instance, Instant at) {
		queued(instance, at);
	}

	@Override
	public <T> void schedule(SchedulableInstance<T> instance) {
		queued(instance, Instant.now());
	}

	@Override
	public <T> boolean scheduleIfNotExists(TaskInstance<T> instance, Instant at) {
		return queued(instance, at);
	}

	@Override
	public <T> boolean scheduleIfNotExists(SchedulableInstance<T> instance) {
		return queued(instance, Instant.now());
	}

	@Override
	public void scheduleBatch(List<TaskInstance<?>> instances, Instant at) {
		instances.forEach((instance) -> queued(instance, at));
	}

	@Override
	public void scheduleBatch(List<SchedulableInstance<?>> instances) {
		Instant now = Instant.now();
		instances.forEach((instance) -> queued(instance, now));
	}

	@Override
	public boolean reschedule(TaskInstanceId id, Instant at) {
		return this.jobs.onMain().reschedule(id, at);
	}

	@Override
	public <T> boolean reschedule(TaskInstanceId id, Instant at, T data) {
		return this.jobs.onMain().reschedule(id, at, data);
	}

	@Override
	public <T> boolean reschedule(SchedulableInstance<T> instance) {
		return this.jobs.onMain().reschedule(instance);
	}

	@Override
	public void cancel(TaskInstanceId id) {
		this.jobs.onMain().cancel(id);
	}

	@Override
	public void fetchScheduledExecutions(Consumer<ScheduledExecution<Object>> consumer) {
		this.jobs.onMain().fetchScheduledExecutions(consumer);
	}

	@Override
	public void fetchScheduledExecutions(ScheduledExecutionsFilter filter,
			Consumer<ScheduledExecution<Object>> consumer) {
		this.jobs.onMain().fetchScheduledExecutions(filter, consumer);
	}

	@Override
	public <T> void fetchScheduledExecutionsForTask(String taskName, Class<T> dataClass,
			Consumer<ScheduledExecution<T>> consumer) {
		this.jobs.onMain().fetchScheduledExecutionsForTask(taskName, dataClass, consumer);
	}

	@Override
	public <T> void fetchScheduledExecutionsForTask(String taskName, Class<T> dataClass,
			ScheduledExecutionsFilter filter, Consumer<ScheduledExecution<T>> consumer) {
		this.jobs.onMain().fetchScheduledExecutionsForTask(taskName, dataClass, filter, consumer);
	}

	@Override
	public Optional<ScheduledExecution<Object>> getScheduledExecution(TaskInstanceId id) {
		return this.jobs.onMain().getScheduledExecution(id);
	}

	@Override
	public List<TaskSummary> getScheduledExecutionsSummaryByTask() {
		return this.jobs.onMain().getScheduledExecutionsSummaryByTask();
	}

}
