package io.towerline.core.subscriber;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriber lifecycle. Every change writes the desired state and enqueues the
 * operation that carries it to the router in the same transaction, and returns at once
 * with the operation handle.
 */
@Service
@Transactional
public class Subscribers {

	public static final Sort ORDER = Sort.by("username", "id");

	/** The action under which a password reveal is recorded in the command audit log. */
	static final String REVEAL_PASSWORD_ACTION = "platform:reveal-password";

	private final SubscriberRepository subscribers;

	private final Plans plans;

	private final Routers routers;

	private final RouterOperations operations;

	private final SealedSecrets secrets;

	private final RouterCommandLog commandLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Subscribers(SubscriberRepository subscribers, Plans plans, Routers routers, RouterOperations operations,
			SealedSecrets secrets, RouterCommandLog commandLog, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.subscribers = subscribers;
		this.plans = plans;
		this.routers = routers;
		this.operations = operations;
		this.secrets = secrets;
		this.commandLog = commandLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Window<Subscriber> list(@Nullable UUID routerId, ScrollPosition position, int limit) {
		return (routerId != null)
				? this.subscribers.findByRouterIdAndDeletingFalse(routerId, position, Limit.of(limit), ORDER)
				: this.subscribers.findByDeletingFalse(position, Limit.of(limit), ORDER);
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public Subscriber get(UUID id) {
		return this.subscribers.findById(id)
			.filter((subscriber) -> !subscriber.deleting())
			.orElseThrow(() -> new NotFoundException("Subscriber", id));
	}

	/** Creates a subscriber (PENDING) and enqueues its provisioning on the router. */
	public Changed create(SubscriberDraft draft, Actor actor) {
		Subscriber subscriber = register(draft);
		publish(subscriber, SubscriberEvents.CREATED, actor, "Created");
		return new Changed(subscriber, sync(subscriber, actor));
	}

	/**
	 * Validates a draft and records the subscriber without enqueuing anything (bulk
	 * creation enqueues per router).
	 * @throws InvalidInputException listing what is wrong with the draft
	 */
	Subscriber register(SubscriberDraft draft) {
		return register(draft, null);
	}

	/**
	 * Validates and records; with {@code known} (bulk) the plan and router are checked
	 * against preloaded ids and the username is assumed checked by the caller. Refusals
	 * leave the transaction usable for the other rows.
	 */
	@Transactional(noRollbackFor = { InvalidInputException.class, NotFoundException.class })
	Subscriber register(SubscriberDraft draft, @Nullable KnownReferences known) {
		String username = PppoeUsername.of(draft.username());
		String password = PppoeUsername.password(draft.password());
		if (known == null && this.subscribers.existsByUsernameIgnoreCase(username)) {
			throw new InvalidInputException(new FieldError("username", ErrorCode.DUPLICATE,
					"A subscriber with username '" + username + "' already exists"));
		}
		UUID planId = (known != null) ? known.plan(draft.planId()) : requirePlan(draft.planId());
		UUID routerId = (known != null && draft.routerId() != null) ? known.router(draft.routerId())
				: resolveRouter(draft.routerId(), draft.popId());
		String reference = this.secrets.seal(username, password.toCharArray());
		return this.subscribers.save(new Subscriber(UUID.randomUUID(), username, reference, planId, routerId,
				draft.profile(), this.clock.instant()));
	}

	public Changed describe(UUID id, SubscriberProfile profile, Actor actor) {
		Subscriber subscriber = get(id);
		subscriber.describe(profile, this.clock.instant());
		publish(subscriber, SubscriberEvents.CHANGED, actor, "Details changed");
		return new Changed(subscriber, null);
	}

	public Changed enable(UUID id, Actor actor) {
		SubscriberStatus from = get(id).status();
		return changeStatus(id, SubscriberStatus.ACTIVE, actor,
				from.mayConnect() ? SubscriberEvents.CHANGED : SubscriberEvents.RESTORED, backToActive(from));
	}

	/**
	 * What bringing a subscriber back to ACTIVE is called on its timeline: a suspension
	 * is restored, as the web app's button says; anything else is enabled.
	 */
	static String backToActive(SubscriberStatus from) {
		return (from == SubscriberStatus.SUSPENDED) ? "Restored" : "Enabled";
	}

	public Changed disable(UUID id, Actor actor) {
		return changeStatus(id, SubscriberStatus.DISABLED, actor, SubscriberEvents.CHANGED, "Disabled");
	}

	public Changed suspend(UUID id, Actor actor) {
		return changeStatus(id, SubscriberStatus.SUSPENDED, actor, SubscriberEvents.SUSPENDED, "Suspended");
	}

	/**
	 * Marks the subscriber for removal; the operation removes the secret and then the
	 * record.
	 */
	public Changed delete(UUID id, Actor actor) {
		Subscriber subscriber = get(id);
		subscriber.markDeleting(this.clock.instant());
		publish(subscriber, SubscriberEvents.DELETED, actor, "Deleted");
		return new Changed(subscriber, sync(subscriber, actor));
	}

	public Changed changePassword(UUID id, @Nullable String password, Actor actor) {
		Subscriber subscriber = get(id);
		String clean = PppoeUsername.password(password);
		subscriber.replaceCredentials(
				this.secrets.replace(subscriber.credentialReference(), subscriber.username(), clean.toCharArray()),
				this.clock.instant());
		publish(subscriber, SubscriberEvents.CHANGED, actor, "Password changed");
		return new Changed(subscriber, sync(subscriber, actor));
	}

	public Changed changePlan(UUID id, @Nullable UUID planId, Actor actor) {
		Subscriber subscriber = applyPlan(id, planId);
		publish(subscriber, SubscriberEvents.CHANGED, actor,
				"Plan changed to " + this.plans.get(subscriber.planId()).name());
		return new Changed(subscriber, sync(subscriber, actor));
	}

	/** Records a plan change without enqueuing (bulk changes enqueue per router). */
	@Transactional(noRollbackFor = { InvalidInputException.class, NotFoundException.class })
	Subscriber applyPlan(UUID id, @Nullable UUID planId) {
		Subscriber subscriber = get(id);
		subscriber.changePlan(requirePlan(planId), this.clock.instant());
		return subscriber;
	}

	/**
	 * Moves the subscriber: its secret is removed from the old router and created on the
	 * new one.
	 */
	public Changed move(UUID id, @Nullable UUID routerId, @Nullable UUID popId, Actor actor) {
		Subscriber subscriber = get(id);
		UUID target = resolveRouter(routerId, popId);
		if (target.equals(subscriber.routerId())) {
			return new Changed(subscriber, null);
		}
		UUID previous = subscriber.routerId();
		subscriber.moveTo(target, this.clock.instant());
		this.operations
			.enqueue(OperationRequest.removeSubscriberSecret(previous, subscriber.id(), subscriber.username(), actor));
		publish(subscriber, SubscriberEvents.CHANGED, actor, "Moved to another router");
		return new Changed(subscriber, sync(subscriber, actor));
	}

	/**
	 * The subscriber's PPPoE password in clear. Who revealed it is recorded in the
	 * command audit log in the same transaction, so there is no reveal without its
	 * record.
	 */
	public String revealPassword(UUID id, Actor actor) {
		Subscriber subscriber = get(id);
		this.commandLog.recordPlatformAction(subscriber.routerId(), subscriber.username(), REVEAL_PASSWORD_ACTION,
				actor);
		return this.secrets.reveal(subscriber.credentialReference());
	}

	private Changed changeStatus(UUID id, SubscriberStatus status, Actor actor, String eventType, String summary) {
		Subscriber subscriber = get(id);
		subscriber.changeStatus(status, this.clock.instant());
		publish(subscriber, eventType, actor, summary);
		return new Changed(subscriber, sync(subscriber, actor));
	}

	/**
	 * Tells the other features (timeline, webhooks) in the transaction of the change;
	 * bulk changes tell them per subscriber too.
	 */
	void publish(Subscriber subscriber, String type, Actor actor, String summary) {
		this.events.publishEvent(TenantEvent.of(TenantContext.require(), type, subscriber.id().toString(), actor,
				this.clock.instant(), Map.of("username", subscriber.username(), "status", subscriber.status().name(),
						"planId", subscriber.planId().toString(), "summary", summary)));
	}

	/**
	 * A batch of changes whose router work is enqueued once per router at its end (the
	 * lifecycle evaluation, bulk extensions).
	 */
	public SubscriberChangeBatch batch() {
		return new SubscriberChangeBatch(this, this.subscribers, this.operations, this.plans, this.clock);
	}

	private RouterOperation sync(Subscriber subscriber, Actor actor) {
		this.subscribers.flush();
		return this.operations.enqueue(OperationRequest.syncSubscriber(subscriber.routerId(), subscriber.id(), actor));
	}

	private UUID requirePlan(@Nullable UUID planId) {
		if (planId == null) {
			throw new InvalidInputException(FieldError.invalid("planId", "A plan is required"));
		}
		try {
			return this.plans.get(planId).id();
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(new FieldError("planId", ErrorCode.NOT_FOUND, "No such plan"));
		}
	}

	private UUID resolveRouter(@Nullable UUID routerId, @Nullable UUID popId) {
		if (routerId != null) {
			try {
				return this.routers.get(routerId).id();
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException(new FieldError("routerId", ErrorCode.NOT_FOUND, "No such router"));
			}
		}
		if (popId != null) {
			List<Router> atPop = this.routers.atPop(popId);
			if (atPop.size() == 1) {
				return atPop.get(0).id();
			}
			throw new InvalidInputException(FieldError.invalid("popId", atPop.isEmpty() ? "The POP has no router"
					: "The POP has " + atPop.size() + " routers; choose one with routerId"));
		}
		throw new InvalidInputException(
				FieldError.invalid("routerId", "A router (or a POP with one router) is required"));
	}

}
