package io.towerline.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.health.HealthHistory;
import io.towerline.core.health.HealthProperties;
import io.towerline.core.health.RouterTransition;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One alert sweep over every active tenant (run once per cluster by the
 * {@code alert-sweep} task): per tenant, one transaction records the health sample, rolls
 * up finished hours and evaluates the rules; then the platform heals what it can. Finally
 * the platform-wide conditions are evaluated from the tenants' tallies.
 */
@Service
public class AlertSweeper {

	private static final Logger log = LoggerFactory.getLogger(AlertSweeper.class);

	private final TenantSweeps sweeps;

	private final HealthHistory health;

	private final HealthProperties healthProperties;

	private final AlertEvaluation evaluation;

	private final SelfHealing selfHealing;

	private final PlatformAlerts platformAlerts;

	private final TransactionTemplate transactions;

	private final PlatformAlertNotices platformNotices;

	AlertSweeper(TenantSweeps sweeps, HealthHistory health, HealthProperties healthProperties,
			AlertEvaluation evaluation, SelfHealing selfHealing, PlatformAlerts platformAlerts,
			TransactionTemplate transactions, PlatformAlertNotices platformNotices) {
		this.sweeps = sweeps;
		this.health = health;
		this.healthProperties = healthProperties;
		this.evaluation = evaluation;
		this.selfHealing = selfHealing;
		this.platformAlerts = platformAlerts;
		this.transactions = transactions;
		this.platformNotices = platformNotices;
	}

	/** Sweeps every active tenant, then the platform-wide conditions. */
	public Sweep sweep(Instant now) {
		long started = System.nanoTime();
		List<TenantSweep> tenants = this.sweeps.collectPerTenant("Alert sweep", (tenant) -> sweep(tenant, now));
		this.platformAlerts.evaluate(now, tenants);
		try {
			this.platformNotices.deliver(now);
		}
		catch (RuntimeException ex) {
			log.warn("Platform alert notices failed: {}", ex.toString());
		}
		return new Sweep(tenants, (System.nanoTime() - started) / 1_000_000);
	}

	/** Sweeps one tenant: health sample, rules, then self-healing. */
	public TenantSweep sweep(TenantId tenant, Instant now) {
		Instant freshSince = now.minus(this.healthProperties.sampleMaxAge());
		TenantSweep result = TenantContext.callAs(tenant, () -> this.transactions.execute((tx) -> {
			List<RouterTransition> transitions = this.health.record(now);
			this.health.rollUp(now);
			AlertEvaluation.Outcome outcome = this.evaluation.evaluate(now, transitions, freshSince);
			return new TenantSweep(tenant, transitions, outcome.opened(), outcome.resolved(), outcome.routers(),
					outcome.away(), List.of());
		}));
		TenantContext.runAs(tenant, () -> this.selfHealing.afterTransitions(tenant, result.transitions()));
		List<RouterOperation> rerun = TenantContext.callAs(tenant, () -> this.selfHealing.rerunStuck(now));
		return new TenantSweep(tenant, result.transitions(), result.opened(), result.resolved(), result.routers(),
				result.unreachable(), rerun.stream().map(RouterOperation::id).toList());
	}

	/**
	 * What one sweep did.
	 *
	 * @param tenants per tenant
	 * @param millis how long it took
	 */
	public record Sweep(List<TenantSweep> tenants, long millis) {

	}

	/**
	 * What one tenant's sweep did.
	 *
	 * @param tenant the tenant
	 * @param transitions routers that came back or rebooted
	 * @param opened alerts opened
	 * @param resolved alerts resolved
	 * @param routers routers the health sweep saw lately
	 * @param unreachable of those, how many did not answer (or refused the credentials)
	 * @param rerun operations found stuck and run again
	 */
	public record TenantSweep(TenantId tenant, List<RouterTransition> transitions, int opened, int resolved,
			int routers, int unreachable, List<UUID> rerun) {

	}

}
