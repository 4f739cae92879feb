package io.towerline.core.operation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.util.function.SingletonSupplier;

/**
 * The db-scheduler task behind every operation. Binds the tenant from the task data, runs
 * the handler for the operation's kind, and records the outcome. A failed attempt is
 * rescheduled with exponential backoff until the attempts are used up; then the operation
 * is FAILED (visible, retryable) and the task ends.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationProperties.class)
class OperationTaskConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OperationTaskConfiguration.class);

	@Bean
	OneTimeTask<OperationRef> routerOperationTask(ObjectProvider<RouterOperations> operations,
			ObjectProvider<OperationHandler> handlers, OperationProperties properties) {
		// the scheduler needs this task, and enqueuing needs the scheduler: resolve the
		// collaborators on first use
		Supplier<Map<OperationKind, OperationHandler>> byKind = SingletonSupplier.of(() -> {
			Map<OperationKind, OperationHandler> map = new EnumMap<>(OperationKind.class);
			handlers.orderedStream().forEach((handler) -> handler.kinds().forEach((kind) -> map.put(kind, handler)));
			return map;
		});
		return Tasks.oneTime(RouterOperations.TASK).onFailure(new Backoff(properties)).execute((instance, context) -> {
			OperationRef ref = instance.getData();
			TenantContext.runAs(TenantId.of(ref.tenant()),
					() -> runAttempt(ref, operations.getObject(), byKind.get(), properties));
		});
	}

	private static void runAttempt(OperationRef ref, RouterOperations operations,
			Map<OperationKind, OperationHandler> handlers, OperationProperties properties) {
		RouterOperation operation = operations.find(ref.operationId()).orElse(null);
		if (operation == null || operation.status().isFinal()) {
			return;
		}
		operation = operations.start(ref.operationId());
		OperationHandler handler = handlers.get(operation.kind());
		try {
			if (handler == null) {
				throw new IllegalStateException("No handler for " + operation.kind());
			}
			String note = handler.run(operation,
					(done, failed) -> operations.progress(ref.operationId(), done, failed));
			operations.succeed(ref.operationId(), note);
		}
		catch (RuntimeException ex) {
			boolean exhausted = operation.attempts() >= properties.maxAttempts();
			String error = describe(ex);
			operations.fail(ref.operationId(), error, exhausted);
			if (exhausted) {
				log.warn("Operation {} of tenant {} failed for good after {} attempts: {}", ref.operationId(),
						ref.tenant(), operation.attempts(), error);
				return;
			}
			throw ex;
		}
	}

	private static String describe(Throwable ex) {
		String code = (ex instanceof io.towerline.mikrotik.RouterException router) ? router.code().name()
				: ex.getClass().getSimpleName();
		String message = ex.getMessage();
		return (message != null) ? code + ": " + message : code;
	}

	/** Reschedules a failed attempt after an exponentially growing wait. */
	private record Backoff(OperationProperties properties) implements FailureHandler<OperationRef> {

		@Override
		public void onFailure(ExecutionComplete complete, ExecutionOperations<OperationRef> operations) {
			int failures = complete.getExecution().consecutiveFailures + 1;
			Instant next = complete.getTimeDone().plus(this.properties.backoff(failures));
			operations.reschedule(complete, next);
		}

	}

}
