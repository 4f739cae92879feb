package io.towerline.core.platformoutbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.TaskSummary;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@link SchedulerClient} the application's services use (ADR 0183). For a tenant on
 * main, and whenever no tenant is bound, it is the scheduler itself, joining the current
 * transaction as before. For a tenant on another cluster it is
 * {@link DeferredSchedulerClient}: jobs go to the tenant's outbox, reads and changes of
 * queued jobs to main's queue. The choice is made in one place, {@link #current()}, per
 * call.
 */
class OutboxSchedulerClient implements SchedulerClient {

	private final ObjectProvider<Scheduler> scheduler;

	private final PlatformOutbox outbox;

	private final DeferredSchedulerClient deferred;

	OutboxSchedulerClient(ObjectProvider<Scheduler> scheduler, PlatformOutbox outbox, QueuedJobs jobs) {
		this.scheduler = scheduler;
		this.outbox = outbox;
		this.deferred = new DeferredSchedulerClient(outbox, jobs);
	}

	/** The client for the tenant bound now. */
	private SchedulerClient current() {
		return this.outbox.defers() ? this.deferred : this.scheduler.getObject();
	}

	@Override
	public <T> boolean schedule(TaskInstance<T> instance, Instant at, ScheduleOptions options) {
		return current().schedule(instance, at, options);
	}

	@Override
	public <T> boolean schedule(SchedulableInstance<T> instance, ScheduleOptions options) {
		return current().schedule(instance, options);
	}

	@Override
	public <T> void schedule(TaskInstance<T> instance, Instant at) {
		current().schedule(instance, at);
	}

	@Override
	public <T> void schedule(SchedulableInstance<T> instance) {
		current().schedule(instance);
	}

	@Override
	public <T> boolean scheduleIfNotExists(TaskInstance<T> instance, Instant at) {
		return current().scheduleIfNotExists(instance, at);
	}

	@Override
	public <T> boolean scheduleIfNotExists(SchedulableInstance<T> instance) {
		return current().scheduleIfNotExists(instance);
	}

	@Override
	public void scheduleBatch(List<TaskInstance<?>> instances, Instant at) {
		current().scheduleBatch(instances, at);
	}

	@Override
	public void scheduleBatch(List<SchedulableInstance<?>> instances) {
		current().scheduleBatch(instances);
	}

	@Override
	public boolean reschedule(TaskInstanceId id, Instant at) {
		return current().reschedule(id, at);
	}

	@Override
	public <T> boolean reschedule(TaskInstanceId id, Instant at, T data) {
		return current().reschedule(id, at, data);
	}

	@Override
	public <T> boolean reschedule(SchedulableInstance<T> instance) {
		return current().reschedule(instance);
	}

	@Override
	public void cancel(TaskInstanceId id) {
		current().cancel(id);
	}

	@Override
	public void fetchScheduledExecutions(Consumer<ScheduledExecution<Object>> consumer) {
		current().fetchScheduledExecutions(consumer);
	}

	@Override
	public void fetchScheduledExecutions(ScheduledExecutionsFilter filter,
			Consumer<ScheduledExecution<Object>> consumer) {
		current().fetchScheduledExecutions(filter, consumer);
	}

	@Override
	public <T> void fetchScheduledExecutionsForTask(String taskName, Class<T> dataClass,
			Consumer<ScheduledExecution<T>> consumer) {
		current().fetchScheduledExecutionsForTask(taskName, dataClass, consumer);
	}

	@Override
	public <T> void fetchScheduledExecutionsForTask(String taskName, Class<T> dataClass,
			ScheduledExecutionsFilter filter, Consumer<ScheduledExecution<T>> consumer) {
		current().fetchScheduledExecutionsForTask(taskName, dataClass, filter, consumer);
	}

	@Override
	public Optional<ScheduledExecution<Object>> getScheduledExecution(TaskInstanceId id) {
		return current().getScheduledExecution(id);
	}

	@Override
	public List<TaskSummary> getScheduledExecutionsSummaryByTask() {
		return current().getScheduledExecutionsSummaryByTask();
	}

}
