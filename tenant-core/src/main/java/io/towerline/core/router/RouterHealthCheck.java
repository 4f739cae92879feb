package io.towerline.core.router;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.sweep.PacedSweeps;
import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probes routers and records what it saw: ONLINE with version, board, CPU, memory and
 * uptime, or UNREACHABLE / AUTH_FAILED with the reason. A sweep covers every active
 * tenant's routers once an interval, their probes spread over most of it (ADR 0263) and a
 * bounded number at once.
 */
@Service
public class RouterHealthCheck {

	private static final Logger log = LoggerFactory.getLogger(RouterHealthCheck.class);

	static final Actor ACTOR = Actor.system("health-check");

	private final RouterRepository routers;

	private final RouterAccess access;

	private final PacedSweeps sweeps;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int concurrency;

	private final Duration interval;

	private final ApplicationEventPublisher events;

	private final RouterCheckAllowance checks;

	RouterHealthCheck(RouterRepository routers, RouterAccess access, PacedSweeps sweeps,
			TransactionTemplate transactions, Clock clock, RouterProperties properties,
			ApplicationEventPublisher events, RouterCheckAllowance checks) {
		this.checks = checks;
		this.events = events;
		this.routers = routers;
		this.access = access;
		this.sweeps = sweeps;
		this.transactions = transactions;
		this.clock = clock;
		this.concurrency = properties.healthCheckConcurrency();
		this.interval = properties.healthCheckInterval();
	}

	/**
	 * Probes one router of the current tenant now because someone asked
	 * ({@code testRouterConnection}) and records the outcome; counts against the tenant's
	 * connection checks (ADR 0212). Its commands are on record as {@code actor}'s.
	 * @return the router with its updated health
	 * @throws io.towerline.core.error.DomainException ROUTER_CHECKS_EXHAUSTED when the
	 * tenant has started as many checks as it may for now
	 */
	public Router checkOnRequest(UUID routerId, Actor actor) {
		this.checks.take();
		return record(routerId, new CommandContext(routerId, actor, null, null), Cause.ASKED);
	}

	/**
	 * Probes one router of the current tenant now (the platform's own need, e.g. after a
	 * restore) and records the outcome.
	 * @return the router with its updated health
	 */
	public Router check(UUID routerId) {
		return record(routerId, new CommandContext(routerId, ACTOR, null, null), Cause.PLATFORM);
	}

	/** Why a router is probed: what is audited, and whom its answer wakes. */
	private enum Cause {

		/** Someone asked: audited, counted, and its answer wakes waiting operations. */
		ASKED,

		/** The platform's own need (after a restore): routine reads, wakes them too. */
		PLATFORM,

		/**
		 * The sweep's every minute: routine reads; wakes them only when the router was
		 * not online before (ADR 0263).
		 */
		SWEEP

	}

	private Router record(UUID routerId, CommandContext context, Cause cause) {
		boolean requested = cause == Cause.ASKED;
		Router router = this.transactions.execute(
				(tx) -> this.routers.findById(routerId).orElseThrow(() -> new NotFoundException("Router", routerId)));
		// the platform's own probes (every minute per router) are routine monitoring, not
		// recorded one by one (ADR 0132, 0252); a probe someone asked for is
		ProbeOutcome outcome = requested ? context.call(() -> probe(router, true))
				: context.callRoutineReads(() -> probe(router, false));
		Router checked = this.transactions.execute((tx) -> {
			Router current = this.routers.findById(routerId).orElse(router);
			outcome.applyTo(current, this.clock);
			return current;
		});
		// an operation waiting on a router that stayed online retries on its own
		// within the wait-retry interval (a minute), as often as the sweep comes by:
		// waking it from every probe cost a transaction per router a minute (ADR 0263)
		if (outcome.facts() != null && (cause != Cause.SWEEP || router.health().status() != RouterStatus.ONLINE)) {
			this.events.publishEvent(new RouterCameOnline(routerId));
		}
		return checked;
	}

	/**
	 * Probes every router of every active tenant, their starts spread evenly over the
	 * sweep's span (ADR 0263) with at most the configured number at once. Returns once
	 * the probes started have finished; when {@code stopping} turns true (the scheduler
	 * stops) the routers not yet started wait for the next sweep.
	 * @param stopping whether to stop starting probes
	 */
	public void sweep(BooleanSupplier stopping) {
		this.sweeps.run("Router health sweep", "Health check of router",
				() -> this.transactions.execute((tx) -> this.routers.findAllIds()),
				(id) -> record(id, new CommandContext(id, ACTOR, null, null), Cause.SWEEP), this.concurrency,
				this.interval, stopping);
	}

	private ProbeOutcome probe(Router router, boolean requested) {
		try {
			return new ProbeOutcome(this.access.probe(router), null, null);
		}
		catch (RouterAuthenticationException ex) {
			return new ProbeOutcome(null, RouterStatus.AUTH_FAILED, ex.code() + ": " + ex.getMessage());
		}
		catch (RouterException ex) {
			// the tenant reads the uniform message (ADR 0212); the detail goes to our
			// log,
			// at INFO when someone asked, at DEBUG for the sweep's every minute
			if (requested) {
				log.info("Connection test of router {} failed: {}", router.id(), RouterFailureDetail.of(ex));
			}
			else if (log.isDebugEnabled()) {
				log.debug("Health check of router {} failed: {}", router.id(), RouterFailureDetail.of(ex));
			}
			return new ProbeOutcome(null, RouterStatus.UNREACHABLE, ex.code() + ": " + ex.getMessage());
		}
	}

	private record ProbeOutcome(RouterFacts facts, RouterStatus failure, String detail) {

		void applyTo(Router router, Clock clock) {
			if (this.facts != null) {
				router.health().seen(this.facts, clock.instant());
			}
			else {
				router.health().failed(this.failure, this.detail, clock.instant());
			}
		}

	}

}
