package io.towerline.core.tenancy;

import java.util.function.Function;
import java.util.function.Predicate;

import com.github.kagkarlsson.scheduler.task.ExecutionHandler;

/**
 * The hand-back of a job this replica cannot run (ADR 0183), around a db-scheduler
 * handler: a replica whose configuration lacks the cluster a job needs (one not yet
 * rolled out with it) reschedules the job {@link TenantClusters#ELSEWHERE} later, for any
 * replica, instead of running or failing it. Every per-tenant job task is built with it,
 * so the rule is decided here once.
 */
public final class ElsewhereHandBack {

	private ElsewhereHandBack() {
	}

	/**
	 * Runs {@code handler} when this replica serves the tenant {@code tenantOf} names in
	 * the job's data, and hands the job back otherwise.
	 */
	public static <T> ExecutionHandler<T> forTenantOf(TenantClusters clusters, Function<T, TenantId> tenantOf,
			ExecutionHandler<T> handler) {
		return unless((data) -> clusters.servesHere(tenantOf.apply(data)), handler);
	}

	/**
	 * Runs {@code handler} when {@code runnableHere} holds for the job's data, and hands
	 * the job back otherwise.
	 */
	public static <T> ExecutionHandler<T> unless(Predicate<T> runnableHere, ExecutionHandler<T> handler) {
		return (instance, context) -> {
			if (runnableHere.test(instance.getData())) {
				return handler.execute(instance, context);
			}
			return (complete, operations) -> operations.reschedule(complete,
					complete.getTimeDone().plus(TenantClusters.ELSEWHERE));
		};
	}

}
