package io.towerline.core.tenantmove;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.towerline.core.tenancy.ElsewhereHandBack;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task behind a move: advances it until it waits (rescheduled for then)
 * or is finished (removed). A replica that dies mid-step leaves the execution to
 * db-scheduler's dead-execution revival, and the step is done again on another.
 */
@Configuration(proxyBeanMethods = false)
class TenantMoveTaskConfiguration {

	/** A step that failed for a passing reason (the database away) is tried again. */
	private static final Duration RETRY = Duration.ofSeconds(10);

	@Bean
	CustomTask<String> tenantMoveTask(ObjectProvider<TenantMoveSteps> steps) {
		return Tasks.custom(TenantMoves.TASK.getTaskName(), String.class)
			.onDeadExecutionRevive()
			.onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
			.execute(ElsewhereHandBack.unless((data) -> steps.getObject().runnableHere(UUID.fromString(data)),
					(instance, context) -> {
						UUID id = UUID.fromString(instance.getData());
						Optional<Duration> next = steps.getObject().advanceWhileDue(id);
						if (next.isEmpty()) {
							return new CompletionHandler.OnCompleteRemove<>();
						}
						return (complete, operations) -> operations.reschedule(complete,
								complete.getTimeDone().plus(next.get()));
					}));
	}

}
