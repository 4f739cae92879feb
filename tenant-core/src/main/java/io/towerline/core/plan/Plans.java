package io.towerline.core.plan;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's plans. A changed plan publishes {@link PlanChanged} inside the
 * transaction, so that the routers serving it get the new profile through durable
 * operations enqueued in the same transaction; the event names who changed the plan, so
 * that those operations and their router commands do too (ADR 0264).
 */
@Service
@Transactional
public class Plans {

	public static final Sort ORDER = Sort.by("name", "id");

	private static final UUID NONE = new UUID(0, 0);

	private final PlanRepository plans;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Resolved lazily: subscribers depend on plans themselves. */
	private final ObjectProvider<PlanReferences> references;

	Plans(PlanRepository plans, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<PlanReferences> references) {
		this.plans = plans;
		this.events = events;
		this.clock = clock;
		this.references = references;
	}

	@Transactional(readOnly = true)
	public Window<Plan> list(ScrollPosition position, int limit) {
		return this.plans.findBy(position, Limit.of(limit), ORDER);
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public Plan get(UUID id) {
		return this.plans.findById(id).orElseThrow(() -> new NotFoundException("Plan", id));
	}

	@Transactional(readOnly = true)
	public List<Plan> getAll(Collection<UUID> ids) {
		return ids.isEmpty() ? List.of() : this.plans.findAllById(ids);
	}

	@Transactional(readOnly = true)
	public Optional<Plan> findByProfileName(String profileName) {
		return this.plans.findByProfileName(profileName);
	}

	/**
	 * Every plan id by lower-cased name and by profile name, for imports that name plans.
	 */
	@Transactional(readOnly = true)
	public Map<String, UUID> idsByName() {
		Map<String, UUID> ids = new HashMap<>();
		for (Plan plan : this.plans.findAll()) {
			ids.put(plan.profileName().toLowerCase(Locale.ROOT), plan.id());
			ids.put(plan.name().toLowerCase(Locale.ROOT), plan.id());
		}
		return ids;
	}

	public Plan create(PlanDetails details) {
		check(details, NONE);
		return this.plans.saveAndFlush(new Plan(UUID.randomUUID(), details, this.clock.instant()));
	}

	/**
	 * Replaces the plan as {@code actor} edited it, read at {@code readVersion}.
	 * @throws InvalidInputException with code CONCURRENT_MODIFICATION on field
	 * {@code version} when the plan changed since that read, also by a save still under
	 * way when this one started (nothing changes then)
	 */
	public Plan update(UUID id, long readVersion, PlanDetails details, Actor actor) {
		Plan plan = lock(id);
		if (plan.version() != readVersion) {
			throw new InvalidInputException(
					new FieldError("version", ErrorCode.CONCURRENT_MODIFICATION, "The plan '" + plan.name()
							+ "' was changed by someone else after you opened it; load it again and redo your edit"));
		}
		return apply(plan, details, actor);
	}

	/**
	 * Replaces the plan whatever changed since it was read (clients that send no version,
	 * the platform's own changes): the last save wins.
	 */
	public Plan update(UUID id, PlanDetails details, Actor actor) {
		return apply(lock(id), details, actor);
	}

	/**
	 * The plan, locked until the transaction ends: a save that overlaps another waits for
	 * it and then sees its version (ADR 0265).
	 */
	private Plan lock(UUID id) {
		return this.plans.findLockedById(id).orElseThrow(() -> new NotFoundException("Plan", id));
	}

	private Plan apply(Plan plan, PlanDetails details, Actor actor) {
		check(details, plan.id());
		String previousProfile = plan.profileName();
		plan.apply(details, this.clock.instant());
		Plan saved = this.plans.saveAndFlush(plan);
		this.events.publishEvent(new PlanChanged(saved.id(), previousProfile, actor));
		return saved;
	}

	/**
	 * Deletes a plan nothing uses any more; {@link PlanDeleted} lets the routers drop its
	 * profile.
	 * @throws InvalidInputException with code INVALID_STATE while subscribers are on it
	 * or it is another plan's grace plan
	 */
	public void delete(UUID id, Actor actor) {
		Plan plan = get(id);
		for (PlanReferences reference : this.references.orderedStream().toList()) {
			String usage = reference.usageOf(id);
			if (usage != null) {
				throw new InvalidInputException(new FieldError("id", ErrorCode.INVALID_STATE,
						"The plan '" + plan.name() + "' still has " + usage + "; move them to another plan first"));
			}
		}
		if (this.plans.existsByGracePlanId(id)) {
			throw new InvalidInputException(new FieldError("id", ErrorCode.INVALID_STATE,
					"The plan '" + plan.name() + "' is another plan's grace plan"));
		}
		this.plans.delete(plan);
		this.events.publishEvent(new PlanDeleted(id, plan.profileName(), actor));
	}

	private void check(PlanDetails details, UUID id) {
		if (this.plans.existsByNameIgnoreCaseAndIdNot(details.name(), id)) {
			throw new InvalidInputException(new FieldError("name", ErrorCode.DUPLICATE,
					"A plan named '" + details.name() + "' already exists"));
		}
		if (this.plans.existsByProfileNameAndIdNot(details.profileName(), id)) {
			throw new InvalidInputException(new FieldError("profileName", ErrorCode.DUPLICATE,
					"Another plan already uses profile '" + details.profileName() + "'"));
		}
		@Nullable UUID grace = details.gracePlanId();
		if (grace != null && (grace.equals(id) || !this.plans.existsById(grace))) {
			throw new InvalidInputException(
					new FieldError("gracePlanId", ErrorCode.NOT_FOUND, "The grace plan must be another existing plan"));
		}
	}

	/**
	 * A plan was deleted; routers may still hold its profile.
	 *
	 * @param planId the plan
	 * @param profileName its profile name
	 * @param actor who deleted it
	 */
	public record PlanDeleted(UUID planId, String profileName, Actor actor) {

	}

	/**
	 * A plan's profile changed; routers serving it must be brought in line.
	 *
	 * @param planId the plan
	 * @param previousProfileName its profile name before the change
	 * @param actor who changed it: the routers' operations are on record as theirs
	 */
	public record PlanChanged(UUID planId, String previousProfileName, Actor actor) {

	}

}
