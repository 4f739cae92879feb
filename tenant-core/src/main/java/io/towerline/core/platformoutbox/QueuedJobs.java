package io.towerline.core.platformoutbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.towerline.core.tenancy.PlatformDataSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Jobs queued by a tenant off main: kept in its outbox as the task, the instance, the
 * data (serialized as the scheduler stores it) and when it is due; delivered onto main's
 * queue with {@code scheduleIfNotExists}, so a repeat leaves one job. Also the client on
 * main's queue itself, outside any tenant transaction, for what a tenant off main reads
 * or changes there.
 */
@Component
class QueuedJobs implements OutboxDelivery {

	static final String KIND = "JOB";

	/** The serializer the scheduler is configured with (SchedulerSerialization). */
	private static final Serializer SERIALIZER = new Jackson3Serializer();

	private final JsonMapper json = JsonMapper.builder().build();

	private final DataSource main;

	private final ObjectProvider<Task<?>> tasks;

	private final String tableName;

	private volatile @Nullable SchedulerClient onMain;

	QueuedJobs(DataSource dataSource, ObjectProvider<Task<?>> tasks,
			@Value("${db-scheduler.table-name:scheduled_tasks}") String tableName) {
		// not transaction-aware: the scheduler client takes its own connections, with no
		// tenant bound, so they are main's whatever the thread is serving
		this.main = PlatformDataSource.of(dataSource);
		this.tasks = tasks;
		this.tableName = tableName;
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** The outbox body of {@code instance} due at {@code at}. */
	String body(TaskInstance<?> instance, Instant at) {
		Object data = instance.getData();
		@Nullable String serialized = (data != null) ? new String(SERIALIZER.serialize(data), StandardCharsets.UTF_8) : null;
		return this.json.writeValueAsString(new QueuedJob(instance.getTaskName(), instance.getId(), serialized, at));
	}

	@Override
	public void deliver(UUID id, String body) {
		QueuedJob job = this.json.readValue(body, QueuedJob.class);
		Task<?> task = tasksByName().get(job.task());
		if (task == null) {
			throw new IllegalStateException("No task " + job.task() + " to deliver an outbox job to");
		}
		onMain().scheduleIfNotExists(instance(task, job), job.at());
	}

	/** A scheduler client on main's queue that never joins a tenant's transaction. */
	SchedulerClient onMain() {
		SchedulerClient client = this.onMain;
		if (client == null) {
			client = SchedulerClient.Builder.create(this.main, this.tasks.orderedStream().toList())
				.serializer(SERIALIZER)
				.tableName(this.tableName)
				.build();
			this.onMain = client;
		}
		return client;
	}

	private <T> TaskInstance<T> instance(Task<T> task, QueuedJob job) {
		@Nullable T data = (job.data() != null)
				? SERIALIZER.deserialize(task.getDataClass(), job.data().getBytes(StandardCharsets.UTF_8)) : null;
		return task.instance(job.instance(), data);
	}

	private Map<String, Task<?>> tasksByName() {
		return this.tasks.orderedStream().collect(Collectors.toMap(Task::getName, Function.identity(), (a, b) -> a));
	}

	/** What the outbox keeps of a queued job. */
	record QueuedJob(String task, String instance, @Nullable String data, Instant at) {

	}

}
