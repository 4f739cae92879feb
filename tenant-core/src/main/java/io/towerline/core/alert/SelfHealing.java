package io.towerline.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.drift.DriftChecks;
import io.towerline.core.drift.DriftCheckStatus;
import io.towerline.core.drift.DriftReport;
import io.towerline.core.drift.DriftReports;
import io.towerline.core.health.RouterTransition;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the platform does by itself after a sweep: a router that came back or rebooted
 * gets a drift check at once (which repairs it when the tenant turned automatic repair
 * on), and operations left RUNNING without a job are run again. Each action is written to
 * the command audit log and to the history of the router's alerts, as
 * {@code system:self-healing}.
 */
@Component
class SelfHealing {

	static final Actor ACTOR = Actor.system("self-healing");

	static final String DRIFT_CHECK_ACTION = "platform:self-healing-drift-check";

	static final String RERUN_ACTION = "platform:self-healing-rerun-operation";

	private static final Logger log = LoggerFactory.getLogger(SelfHealing.class);

	private static final List<AlertRuleType> ROUTER_RULES = List.of(AlertRuleType.ROUTER_UNREACHABLE,
			AlertRuleType.ROUTER_LOGIN_FAILING, AlertRuleType.ROUTER_REBOOTED);

	private final DriftChecks drift;

	private final DriftReports driftReports;

	private final RouterOperations operations;

	private final RouterCommandLog commandLog;

	private final Alerts alerts;

	private final TransactionTemplate transactions;

	private final AlertProperties properties;

	SelfHealing(DriftChecks drift, DriftReports driftReports, RouterOperations operations, RouterCommandLog commandLog,
			Alerts alerts, TransactionTemplate transactions, AlertProperties properties) {
		this.drift = drift;
		this.driftReports = driftReports;
		this.operations = operations;
		this.commandLog = commandLog;
		this.alerts = alerts;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** Checks (and, where enabled, repairs) the routers that came back or rebooted. */
	void afterTransitions(TenantId tenant, List<RouterTransition> transitions) {
		if (transitions.isEmpty()) {
			return;
		}
		Semaphore permits = new Semaphore(this.properties.selfHealingConcurrency());
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (RouterTransition transition : transitions) {
				workers.submit(() -> {
					permits.acquireUninterruptibly();
					try {
						TenantContext.runAs(tenant, () -> checkAfter(transition));
					}
					catch (RuntimeException ex) {
						log.warn("Drift check after router {} of tenant {} returned failed: {}", transition.routerId(),
								tenant, ex.getMessage());
					}
					finally {
						permits.release();
					}
				});
			}
		}
	}

	private void checkAfter(RouterTransition transition) {
		String why = transition.rebooted() ? "rebooted" : "came back";
		DriftReport report = this.drift.automatic(transition.routerId(), ACTOR);
		boolean repair = this.transactions.execute((tx) -> this.driftReports.settings().automaticRepair());
		String note = "Router " + why + ": " + outcome(report, repair);
		this.transactions.executeWithoutResult((tx) -> {
			this.commandLog.recordPlatformAction(transition.routerId(), why, DRIFT_CHECK_ACTION, ACTOR);
			this.alerts.recordAction(transition.routerId(), ROUTER_RULES, note, ACTOR);
		});
	}

	private static String outcome(DriftReport report, boolean repair) {
		if (report.status() == DriftCheckStatus.FAILED) {
			return "drift check " + report.id() + " could not read the router (" + report.error() + ")";
		}
		int repairable = report.missingCount() + report.differentCount();
		String found = "drift check " + report.id() + " found " + report.missingCount() + " missing and "
				+ report.differentCount() + " different";
		if (repairable == 0) {
			return found + "; nothing to repair";
		}
		return found + (repair ? "; automatic repair pushed them back" : "; automatic repair is off");
	}

	/** Runs again what is RUNNING without a job since longer than the stuck limit. */
	List<RouterOperation> rerunStuck(Instant now) {
		return this.transactions.execute((tx) -> {
			List<RouterOperation> rerun = this.operations.rerunOrphaned(now.minus(this.properties.stuckAfter()), 100);
			for (RouterOperation operation : rerun) {
				String subject = (operation.subject() != null) ? operation.subject() : operation.kind().name();
				this.commandLog.recordPlatformAction(operation.routerId(), subject, RERUN_ACTION, ACTOR);
				log.warn("Operation {} was RUNNING without a job since {}; scheduled it again", operation.id(),
						operation.updatedAt());
			}
			return rerun;
		});
	}

}
