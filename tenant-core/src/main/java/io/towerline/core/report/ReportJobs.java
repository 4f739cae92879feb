package io.towerline.core.report;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.tenancy.ElsewhereHandBack;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks of reports: one job per requested report (instance
 * {@code <tenant>:<report id>}, revived and run again if its replica dies), and the
 * recurring purge of reports past their retention ({@code towerline.report.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportJobs {

	static final TaskDescriptor<ReportRef> TASK = TaskDescriptor.of("report-generation", ReportRef.class);

	@Bean
	CustomTask<ReportRef> reportGenerationTask(ObjectProvider<ReportGeneration> generation, TenantClusters clusters) {
		return Tasks.custom(TASK.getTaskName(), ReportRef.class)
			.onDeadExecutionRevive()
			.execute(
					ElsewhereHandBack.forTenantOf(clusters, (ref) -> TenantId.of(ref.tenant()), (instance, context) -> {
						ReportRef ref = instance.getData();
						TenantContext.runAs(TenantId.of(ref.tenant()),
								() -> generation.getObject().generate(ref.reportId()));
						return new CompletionHandler.OnCompleteRemove<>();
					}));
	}

	@Bean
	RecurringTask<Void> reportPurgeTask(ObjectProvider<Reports> reports, TenantSweeps sweeps,
			ReportProperties properties) {
		return Tasks.recurring("report-purge", FixedDelay.of(properties.purgeInterval()))
			.execute((instance, context) -> sweeps.forEachTenant("Report purge",
					(tenant) -> reports.getObject().purgeExpired()));
	}

}
