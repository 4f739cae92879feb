package io.towerline.core.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.plan.Plans;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's lifecycle policy and per-plan overrides. A change asks every tracked
 * subscriber for a fresh look at once, so a policy switched off stops new transitions and
 * a changed one applies from the next evaluation.
 */
@Service
@Transactional
public class LifecyclePolicies {

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Clock clock;

	LifecyclePolicies(JdbcClient jdbc, Plans plans, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public LifecyclePolicy current() {
		return this.jdbc.sql("SELECT * FROM " + table("lifecycle_policy") + " WHERE id = 1")
			.query(LifecyclePolicies::policy)
			.optional()
			.orElse(LifecyclePolicy.OFF);
	}

	/**
	 * @throws InvalidInputException when a value is out of range or a plan does not exist
	 */
	public LifecyclePolicy set(LifecyclePolicy policy, Actor actor) {
		policy.validated();
		requirePlan(policy.gracePlanId(), "gracePlanId");
		requirePlan(policy.suspendedPlanId(), "suspendedPlanId");
		this.jdbc.sql("INSERT INTO " + table("lifecycle_policy")
				+ " (id, enabled, notice_days, grace_days, grace_plan_id, suspension_mode, suspended_plan_id,"
				+ " action_hour, time_zone, skip_weekdays, skip_dates, updated_at, updated_by)"
				+ " VALUES (1, :enabled, :notices, :grace, :gracePlan, :mode, :suspendedPlan, :hour, :zone, :weekdays,"
				+ " :dates, :now, :actor) ON CONFLICT (id) DO UPDATE SET enabled = :enabled, notice_days = :notices,"
				+ " grace_days = :grace, grace_plan_id = :gracePlan, suspension_mode = :mode,"
				+ " suspended_plan_id = :suspendedPlan, action_hour = :hour, time_zone = :zone,"
				+ " skip_weekdays = :weekdays, skip_dates = :dates, updated_at = :now, updated_by = :actor")
			.param("enabled", policy.enabled())
			.param("notices", join(policy.noticeDays()))
			.param("grace", policy.graceDays())
			.param("gracePlan", policy.gracePlanId())
			.param("mode", policy.suspensionMode().name())
			.param("suspendedPlan", policy.suspendedPlanId())
			.param("hour", policy.actionHour())
			.param("zone", policy.timeZone().getId())
			.param("weekdays", join(policy.skipWeekdays().stream().sorted().toList()))
			.param("dates", join(policy.skipDates().stream().sorted().toList()))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", actor.value())
			.update();
		lookAgainAtEveryone();
		return current();
	}

	@Transactional(readOnly = true)
	public List<PlanLifecycleOverride> overrides() {
		return this.jdbc.sql("SELECT * FROM " + table("lifecycle_plan_policy") + " ORDER BY plan_id")
			.query(LifecyclePolicies::override)
			.list();
	}

	@Transactional(readOnly = true)
	Map<UUID, PlanLifecycleOverride> overridesOf(Collection<UUID> planIds) {
		if (planIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT * FROM " + table("lifecycle_plan_policy") + " WHERE plan_id IN (:ids)")
			.param("ids", planIds)
			.query(LifecyclePolicies::override)
			.list()
			.stream()
			.collect(Collectors.toMap(PlanLifecycleOverride::planId, Function.identity()));
	}

	/** Sets a plan's override; one with neither value removes it. */
	public PlanLifecycleOverride setOverride(PlanLifecycleOverride override) {
		override.validated();
		try {
			this.plans.get(override.planId());
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(new FieldError("planId", ErrorCode.NOT_FOUND, "No such plan"));
		}
		if (override.noticeDays() == null && override.graceDays() == null) {
			this.jdbc.sql("DELETE FROM " + table("lifecycle_plan_policy") + " WHERE plan_id = ?")
				.param(override.planId())
				.update();
		}
		else {
			this.jdbc.sql("INSERT INTO " + table("lifecycle_plan_policy")
					+ " (plan_id, notice_days, grace_days, updated_at) VALUES (:plan, :notices, :grace, :now)"
					+ " ON CONFLICT (plan_id) DO UPDATE SET notice_days = :notices, grace_days = :grace, updated_at = :now")
				.param("plan", override.planId())
				.param("notices", (override.noticeDays() != null) ? join(override.noticeDays()) : null)
				.param("grace", override.graceDays())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		lookAgainAtEveryone();
		return override;
	}

	/** Whether {@code planId} is the tenant's grace or suspended plan. */
	@Transactional(readOnly = true)
	boolean uses(UUID planId) {
		LifecyclePolicy policy = current();
		return planId.equals(policy.gracePlanId()) || planId.equals(policy.suspendedPlanId());
	}

	private void lookAgainAtEveryone() {
		this.jdbc.sql("UPDATE " + table("subscriber_lifecycle") + " SET next_due_at = :now")
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private void requirePlan(@Nullable UUID planId, String field) {
		if (planId == null) {
			return;
		}
		try {
			this.plans.get(planId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(new FieldError(field, ErrorCode.NOT_FOUND, "No such plan"));
		}
	}

	static String table(String name) {
		return TenantContext.require().schemaName() + "." + name;
	}

	private static String join(Collection<?> values) {
		return values.stream().map(Object::toString).collect(Collectors.joining(","));
	}

	private static <T> List<T> split(@Nullable String text, Function<String, T> parse) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).map(parse).toList();
	}

	private static LifecyclePolicy policy(ResultSet row, int rowNumber) throws SQLException {
		return new LifecyclePolicy(row.getBoolean("enabled"), split(row.getString("notice_days"), Integer::valueOf),
				row.getInt("grace_days"), row.getObject("grace_plan_id", UUID.class),
				SuspensionMode.valueOf(row.getString("suspension_mode")),
				row.getObject("suspended_plan_id", UUID.class), row.getInt("action_hour"),
				ZoneId.of(row.getString("time_zone")),
				Set.copyOf(split(row.getString("skip_weekdays"), DayOfWeek::valueOf)),
				Set.copyOf(split(row.getString("skip_dates"), LocalDate::parse)));
	}

	private static PlanLifecycleOverride override(ResultSet row, int rowNumber) throws SQLException {
		String notices = row.getString("notice_days");
		int grace = row.getInt("grace_days");
		return new PlanLifecycleOverride(row.getObject("plan_id", UUID.class),
				(notices != null) ? split(notices, Integer::valueOf) : null, row.wasNull() ? null : grace);
	}

}
