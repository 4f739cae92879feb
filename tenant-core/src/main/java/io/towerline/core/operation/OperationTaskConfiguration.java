package io.towerline.core.operation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.towerline.core.tenancy.ElsewhereHandBack;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task behind every operation: binds the tenant from the task data and
 * lets the {@link OperationRunner} run one try; the task is rescheduled for the next try
 * (at once when the try was handed back at shutdown) or removed when the operation is
 * done.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationProperties.class)
class OperationTaskConfiguration {

	@Bean
	CustomTask<OperationRef> routerOperationTask(OperationRunner runner, TenantClusters clusters) {
		return Tasks.custom(RouterOperations.TASK.getTaskName(), OperationRef.class)
			.onDeadExecutionRevive()
			.execute(
					ElsewhereHandBack.forTenantOf(clusters, (ref) -> TenantId.of(ref.tenant()), (instance, context) -> {
						OperationRef ref = instance.getData();
						BooleanSupplier stopping = () -> context.getSchedulerState().isShuttingDown();
						Duration retryIn = TenantContext.callAs(TenantId.of(ref.tenant()),
								() -> runner.run(ref.operationId(), stopping));
						if (retryIn == null) {
							return new CompletionHandler.OnCompleteRemove<>();
						}
						return (complete, executionOperations) -> executionOperations.reschedule(complete,
								complete.getTimeDone().plus(retryIn));
					}));
	}

}
