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
 * transaction as before. For a tenant on another cluster, a job scheduled in its
 * transaction goes to its outbox (delivered onto main's queue after commit), and reads or
 * changes of queued jobs go to main's queue directly.
 */
class OutboxSchedulerClient implements SchedulerClient {

	private final ObjectProvider<Scheduler> scheduler;

	private final PlatformOutbox outbox;

	private final QueuedJobs jobs;

	OutboxSchedulerClient(ObjectProvider<Scheduler> scheduler, PlatformOutbox outbox, QueuedJobs jobs) {
		this.scheduler = scheduler;
		this.outbox = outbox;
		this.jobs = jobs;
	}

	/** Where reads and changes of queued jobs go now. */
	private SchedulerClient queue() {
		return this.outbox.defers() ? this.jobs.onMain() : this.scheduler.getObject();
	}

	private boolean queued(TaskInstance<?> instance, Instant at) {
		this.outbox.append(QueuedJobs.KIND, this.jobs.body(instance, at));
		return true;
	}

	@Override
	public <T> boolean schedule(TaskInstance<T> instance, Instant at, ScheduleOptions options) {
		return this.outbox.defers() ? queued(instance, at) : this.scheduler.getObject().schedule(instance, at, options);
	}

	@Override
	public <T> boolean schedule(SchedulableInstance<T> instance, ScheduleOptions options) {
		return this.outbox.defers() ? queued(instance.getTaskInstance(), instance.getNextExecutionTime(Instant.now()))
				: this.scheduler.getObject().schedule(instance, options);
	}

	@Override
	public <T> void schedule(TaskInstance<T> instance, Instant at) {
		if (this.outbox.defers()) {
			queued(instance, at);
		}
		else {
			this.scheduler.getObject().schedule(instance, at);
		}
	}

	@Override
	public <T> void schedule(SchedulableInstance<T> instance) {
		if (this.outbox.defers()) {
			queued(instance.getTaskInstance(), instance.getNextExecutionTime(Instant.now()));
		}
		else {
			this.scheduler.getObject().schedule(instance);
		}
	}

	@Override
	public <T> boolean scheduleIfNotExists(TaskInstance<T> instance, Instant at) {
		return this.outbox.defers() ? queued(instance, at)
				: this.scheduler.getObject().scheduleIfNotExists(instance, at);
	}

	@Override
	public <T> boolean scheduleIfNotExists(SchedulableInstance<T> instance) {
		return this.outbox.defers() ? queued(instance.getTaskInstance(), instance.getNextExecutionTime(Instant.now()))
				: this.scheduler.getObject().scheduleIfNotExists(instance);
	}

	@Override
	public void scheduleBatch(List<TaskInstance<?>> instances, Instant at) {
		if (this.outbox.defers()) {
			instances.forEach((instance) -> queued(instance, at));
		}
		else {
			this.scheduler.getObject().scheduleBatch(instances, at);
		}
	}

	@Override
	public void scheduleBatch(List<SchedulableInstance<?>> instances) {
		if (this.outbox.defers()) {
			Instant now = Instant.now();
			instances.forEach((instance) -> queued(instance.getTaskInstance(), instance.getNextExecutionTime(now)));
		}
		else {
			this.scheduler.getObject().scheduleBatch(instances);
		}
	}

	@Override
	public boolean reschedule(TaskInstanceId id, Instant at) {
		return queue().reschedule(id, at);
	}

	@Override
	public <T> boolean reschedule(TaskInstanceId id, Instant at, T data) {
		return queue().reschedule(id, at, data);
	}

	@Override
	public <T> boolean reschedule(SchedulableInstance<T> instance) {
		return queue().reschedule(instance);
	}

	@Override
	public void cancel(TaskInstanceId id) {
		queue().cancel(id);
	}

	@Override
	public void fetchScheduledExecutions(Consumer<ScheduledExecution<Object>> consumer) {
		queue().fetchScheduledExecutions(consumer);
	}

	@Override
	public void fetchScheduledExecutions(ScheduledExecutionsFilter filter,
			Consumer<ScheduledExecution<Object>> consumer) {
		queue().fetchScheduledExecutions(filter, consumer);
	}

	@Override
	public <T> void fetchScheduledExecutionsForTask(String taskName, Class<T> dataClass,
			Consumer<ScheduledExecution<T>> consumer) {
		queue().fetchScheduledExecutionsForTask(taskName, dataClass, consumer);
	}

	@Override
	public <T> void fetchScheduledExecutionsForTask(String taskName, Class<T> dataClass,
			ScheduledExecutionsFilter filter, Consumer<ScheduledExecution<T>> consumer) {
		queue().fetchScheduledExecutionsForTask(taskName, dataClass, filter, consumer);
	}

	@Override
	public Optional<ScheduledExecution<Object>> getScheduledExecution(TaskInstanceId id) {
		return queue().getScheduledExecution(id);
	}

	@Override
	public List<TaskSummary> getScheduledExecutionsSummaryByTask() {
		return queue().getScheduledExecutionsSummaryByTask();
	}

}
