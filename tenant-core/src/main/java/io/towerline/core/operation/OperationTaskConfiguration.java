package io.towerline.core.operation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
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
	CustomTask<OperationRef> routerOperationTask(ObjectProvider<RouterOperations> operations,
			ObjectProvider<OperationHandler> handlers, OperationProperties properties) {
		// the scheduler needs this task, and enqueuing needs the scheduler: resolve the
		// collaborators on first use
		Supplier<Map<OperationKind, OperationHandler>> byKind = SingletonSupplier.of(() -> {
			Map<OperationKind, OperationHandler> map = new EnumMap<>(OperationKind.class);
			handlers.orderedStream().forEach((handler) -> handler.kinds().forEach((kind) -> map.put(kind, handler)));
			return map;
		});
		return Tasks.custom(RouterOperations.TASK.getTaskName(), OperationRef.class)
			.onDeadExecutionRevive()
			.execute((instance, context) -> {
				OperationRef ref = instance.getData();
				BooleanSupplier stopping = () -> context.getSchedulerState().isShuttingDown();
				Duration retryIn = TenantContext.callAs(TenantId.of(ref.tenant()),
						() -> runAttempt(ref, operations.getObject(), byKind.get(), properties, stopping));
				if (retryIn == null) {
					return new CompletionHandler.OnCompleteRemove<>();
				}
				return (complete, executionOperations) -> executionOperations.reschedule(complete,
						complete.getTimeDone().plus(retryIn));
			});
	}

	/**
	 * Runs one attempt with the tenant bound. A failed attempt is recorded and logged on
	 * one line (a router that is down would otherwise fill the log with stack traces).
	 * <p>
	 * At shutdown the work is handed back instead: a handler that stopped at a safe
	 * point, or an attempt that failed while the scheduler was stopping it, is queued
	 * again for now (another replica or the next start takes it at once) without spending
	 * an attempt.
	 * @return when to try again, or null when the operation is done (succeeded, failed
	 * for good, or gone)
	 */
	private static @Nullable Duration runAttempt(OperationRef ref, RouterOperations operations,
			Map<OperationKind, OperationHandler> handlers, OperationProperties properties, BooleanSupplier stopping) {
		RouterOperation operation = operations.find(ref.operationId()).orElse(null);
		if (operation == null || operation.status().isFinal()) {
			return null;
		}
		operation = operations.start(ref.operationId());
		OperationHandler handler = handlers.get(operation.kind());
		try {
			if (handler == null) {
				throw new IllegalStateException("No handler for " + operation.kind());
			}
			String note = handler.run(operation, new OperationHandler.Progress() {

				@Override
				public void update(int done, int failed) {
					operations.progress(ref.operationId(), done, failed);
				}

				@Override
				public boolean handBackRequested() {
					return stopping.getAsBoolean();
				}

			});
			operations.succeed(ref.operationId(), note);
			return null;
		}
		catch (RuntimeException ex) {
			if (ex instanceof OperationHandedBack || stopping.getAsBoolean()) {
				String where = (ex instanceof OperationHandedBack) ? ex.getMessage() : describe(ex);
				operations.handBack(ref.operationId(), where);
				log.info("Operation {} of tenant {} handed back at shutdown: {}", ref.operationId(), ref.tenant(),
						where);
				return Duration.ZERO;
			}
			boolean exhausted = operation.attempts() >= properties.maxAttempts();
			String error = describe(ex);
			operations.fail(ref.operationId(), error, exhausted);
			if (exhausted) {
				log.warn("Operation {} of tenant {} failed for good after {} attempts: {}", ref.operationId(),
						ref.tenant(), operation.attempts(), error);
				return null;
			}
			Duration retryIn = properties.backoff(operation.attempts());
			log.info("Operation {} of tenant {} attempt {} failed, retrying in {}: {}", ref.operationId(), ref.tenant(),
					operation.attempts(), retryIn, error);
			if (!(ex instanceof io.towerline.mikrotik.RouterException)) {
				log.debug("Failure of operation {}", ref.operationId(), ex);
			}
			return retryIn;
		}
	}

	private static String describe(Throwable ex) {
		String code = (ex instanceof io.towerline.mikrotik.RouterException router) ? router.code().name()
				: ex.getClass().getSimpleName();
		String message = ex.getMessage();
		return (message != null) ? code + ": " + message : code;
	}

}
