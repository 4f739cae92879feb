package io.towerline.core.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.plan.Plans.PlanChanged;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-router ranges of a plan's managed pool: a plan served by several routers needs a
 * different range on each (the addresses are routed to the router that hands them out). A
 * router without its own ranges gets the plan's {@code poolRanges}; the pool's name
 * ({@code remoteAddress}) is the same everywhere, so the profile stays identical on every
 * router (ADR 0138).
 */
@Service
@Transactional
public class PlanRouterPools {

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Routers routers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanRouterPools(JdbcClient jdbc, Plans plans, Routers routers, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.routers = routers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The ranges the plan's pool has on the router: its own there, else the plan's; null
	 * when the plan manages no pool.
	 */
	@Transactional(readOnly = true)
	public @Nullable String rangesFor(Plan plan, UUID routerId) {
		if (!plan.profileSettings().managesPool()) {
			return null;
		}
		return this.jdbc.sql("SELECT ranges FROM " + table() + " WHERE plan_id = ? AND router_id = ?")
			.params(plan.id(), routerId)
			.query(String.class)
			.optional()
			.orElse(plan.profileSettings().poolRanges());
	}

	/**
	 * The ranges of each of the given plans on the router (plans managing a pool only).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> rangesFor(List<Plan> plans, UUID routerId) {
		Map<UUID, String> ranges = new HashMap<>();
		plans.stream()
			.filter((plan) -> plan.profileSettings().managesPool())
			.forEach((plan) -> ranges.put(plan.id(), plan.profileSettings().poolRanges()));
		if (!ranges.isEmpty()) {
			this.jdbc
				.sql("SELECT plan_id, ranges FROM " + table() + " WHERE router_id = :router AND plan_id IN (:plans)")
				.param("router", routerId)
				.param("plans", ranges.keySet())
				.query((row, n) -> ranges.put(row.getObject("plan_id", UUID.class), row.getString("ranges")))
				.list();
		}
		return ranges;
	}

	/** The plan's per-router ranges, by router. */
	@Transactional(readOnly = true)
	public List<RouterPool> of(UUID planId) {
		return this.jdbc
			.sql("SELECT plan_id, router_id, ranges FROM " + table() + " WHERE plan_id = ? ORDER BY router_id")
			.param(planId)
			.query((row, n) -> new RouterPool(row.getObject("plan_id", UUID.class),
					row.getObject("router_id", UUID.class), row.getString("ranges")))
			.list();
	}

	/**
	 * Sets the ranges of the plan's pool on one router, or with null ranges gives the
	 * router the plan's own again; the routers serving the plan are synced on behalf of
	 * {@code actor}.
	 * @throws InvalidInputException when the plan or router does not exist, the plan
	 * manages no pool, or the ranges are not valid
	 */
	public List<RouterPool> set(UUID planId, UUID routerId, @Nullable String ranges, Actor actor) {
		Plan plan;
		try {
			plan = this.plans.get(planId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(new FieldError("planId", ErrorCode.NOT_FOUND, "No such plan"));
		}
		try {
			this.routers.get(routerId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(new FieldError("routerId", ErrorCode.NOT_FOUND, "No such router"));
		}
		ProfileSettings settings = plan.profileSettings();
		if (!settings.managesPool()) {
			throw new InvalidInputException(new FieldError("planId", ErrorCode.INVALID_STATE,
					"The plan manages no pool: give it remoteAddress and poolRanges first"));
		}
		String clean = (ranges != null && !ranges.isBlank()) ? ranges.strip() : null;
		if (clean == null) {
			this.jdbc.sql("DELETE FROM " + table() + " WHERE plan_id = ? AND router_id = ?")
				.params(planId, routerId)
				.update();
		}
		else {
			// the plan's own validation, with these ranges in place of its own
			String valid;
			try {
				valid = ProfileSettings
					.of(settings.localAddress(), settings.remoteAddress(), clean, settings.dnsServers(),
							settings.onlyOne(), settings.addressList(), settings.parentQueue(),
							settings.sessionTimeout(), settings.idleTimeout())
					.poolRanges();
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException(ex.errors()
					.stream()
					.map((error) -> new FieldError("ranges", error.code(), error.message()))
					.toList());
			}
			this.jdbc
				.sql("INSERT INTO " + table() + " (plan_id, router_id, ranges, updated_at) VALUES (?, ?, ?, ?)"
						+ " ON CONFLICT (plan_id, router_id) DO UPDATE SET ranges = EXCLUDED.ranges,"
						+ " updated_at = EXCLUDED.updated_at")
				.params(planId, routerId, valid, Timestamp.from(this.clock.instant()))
				.update();
		}
		this.events.publishEvent(new PlanChanged(planId, plan.profileName(), actor));
		return of(planId);
	}

	private static String table() {
		return TenantContext.require().schemaName() + ".plan_router_pool";
	}

}
