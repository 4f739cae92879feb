package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.subscriber.BulkOutcome;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberChangeBatch;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What billing systems and staff do to a subscription: extend it (by days or to a date),
 * record a payment (optionally extending), postpone a suspension. Extensions and payments
 * are idempotent by key. An extension that makes the subscriber paid up restores it in
 * the same transaction.
 */
@Service
@Transactional
public class Subscriptions {

	/** Longest extension by days, and furthest postponement. */
	static final int MAX_DAYS = 3660;

	static final int MAX_POSTPONE_DAYS = 60;

	private final Subscribers subscribers;

	private final LifecycleEvaluation evaluation;

	private final LifecyclePolicies policies;

	private final SubscriberLifecycles lifecycles;

	private final IdempotencyRecords idempotency;

	private final ApplicationEventPublisher events;

	private final EntityManager entities;

	private final Clock clock;

	Subscriptions(Subscribers subscribers, LifecycleEvaluation evaluation, LifecyclePolicies policies,
			SubscriberLifecycles lifecycles, IdempotencyRecords idempotency, ApplicationEventPublisher events,
			EntityManager entities, Clock clock) {
		this.subscribers = subscribers;
		this.evaluation = evaluation;
		this.policies = policies;
		this.lifecycles = lifecycles;
		this.idempotency = idempotency;
		this.events = events;
		this.entities = entities;
		this.clock = clock;
	}

	/**
	 * Extends the subscription to {@code until}, or by {@code days} from the current
	 * expiry (from today when it already passed).
	 * @throws InvalidInputException when neither or both are given, a value is out of
	 * range, or the key was used for another request
	 */
	public SubscriptionChange extend(UUID subscriberId, @Nullable LocalDate until, @Nullable Integer days,
			@Nullable String idempotencyKey, Actor actor) {
		Extension extension = Extension.of(until, days);
		String request = subscriberId + "|" + until + "|" + days;
		return idempotent(idempotencyKey, "extendSubscription", request, () -> {
			SubscriptionChange change = apply(subscriberId, extension, actor, null);
			publish(LifecycleEvents.EXTENDED, subscriberId, actor, Map.of("expiresOn", change.expiresOn().toString(),
					"summary", "Subscription extended to " + change.expiresOn()));
			return change;
		});
	}

	/**
	 * Extends many subscriptions at once, each as {@link #extend} would without a key: to
	 * {@code until}, or by {@code days} from each one's own expiry. A subscriber that
	 * cannot be extended (unknown, or the date is invalid for it) is reported and never
	 * stops the others.
	 * @return the changes, and the refused rows by their position in {@code ids}
	 */
	public BulkExtension extendAll(List<UUID> ids, @Nullable LocalDate until, @Nullable Integer days, Actor actor) {
		Extension extension = Extension.of(until, days);
		List<SubscriptionChange> changed = new ArrayList<>();
		List<BulkOutcome.RejectedRow> rejected = new ArrayList<>();
		// restores of all rows go to the routers as one operation per router
		SubscriberChangeBatch restores = this.subscribers.batch();
		for (int row = 0; row < ids.size(); row++) {
			UUID id = ids.get(row);
			try {
				SubscriptionChange change = apply(id, extension, actor, restores);
				publish(LifecycleEvents.EXTENDED, id, actor, Map.of("expiresOn", change.expiresOn().toString(),
						"summary", "Subscription extended to " + change.expiresOn() + " (bulk)"));
				changed.add(change);
			}
			catch (NotFoundException ex) {
				rejected.add(new BulkOutcome.RejectedRow(row, id.toString(),
						List.of(new FieldError("subscriberIds", ErrorCode.NOT_FOUND, ex.getMessage()))));
			}
			catch (InvalidInputException ex) {
				rejected.add(new BulkOutcome.RejectedRow(row, id.toString(), ex.errors()));
			}
		}
		restores.enqueue(actor);
		return new BulkExtension(changed, rejected);
	}

	/**
	 * What a bulk extension did.
	 *
	 * @param changed the subscriptions extended
	 * @param rejected the rows refused, with why
	 */
	public record BulkExtension(List<SubscriptionChange> changed, List<BulkOutcome.RejectedRow> rejected) {

	}

	/**
	 * Records a payment the billing system took; with {@code until} or {@code days} it
	 * also extends the subscription.
	 */
	public SubscriptionChange recordPayment(UUID subscriberId, Payment payment, @Nullable LocalDate until,
			@Nullable Integer days, @Nullable String idempotencyKey, Actor actor) {
		Extension extension = (until != null || days != null) ? Extension.of(until, days) : null;
		String request = subscriberId + "|" + payment + "|" + until + "|" + days;
		return idempotent(idempotencyKey, "recordPayment", request, () -> {
			SubscriptionChange change = (extension != null) ? apply(subscriberId, extension, actor, null)
					: current(subscriberId);
			Map<String, String> data = new HashMap<>(payment.asData());
			data.put("expiresOn", change.expiresOn().toString());
			data.put("summary", "Payment of " + payment.amount().toPlainString() + " " + payment.currency()
					+ " recorded" + ((payment.reference() != null) ? " (" + payment.reference() + ")" : ""));
			publish(LifecycleEvents.PAYMENT_RECORDED, subscriberId, actor, data);
			return change;
		});
	}

	/**
	 * Postpones the subscriber's suspension until the end of {@code until} ("promise to
	 * pay"); a suspended subscriber goes back to its grace plan at once.
	 */
	public SubscriptionChange postponeSuspension(UUID subscriberId, LocalDate until, String reason, Actor actor) {
		Subscriber subscriber = this.subscribers.get(subscriberId);
		LocalDate today = today();
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidInputException(
					FieldError.invalid("reason", "A reason of 1 to 500 characters is required"));
		}
		if (until.isBefore(today) || until.isAfter(today.plusDays(MAX_POSTPONE_DAYS))) {
			throw new InvalidInputException(
					FieldError.invalid("until", "The date is today or up to " + MAX_POSTPONE_DAYS + " days ahead"));
		}
		if (subscriber.expiresOn() == null || this.lifecycles.lock(subscriberId).isEmpty()) {
			throw new InvalidInputException(new FieldError("subscriberId", ErrorCode.INVALID_STATE,
					"The subscriber has no expiry; there is no suspension to postpone"));
		}
		Instant now = this.clock.instant();
		this.lifecycles.postpone(subscriberId, until, reason.strip(), now);
		publish(LifecycleEvents.POSTPONED, subscriberId, actor, Map.of("until", until.toString(), "reason",
				reason.strip(), "summary", "Suspension postponed until " + until + ": " + reason.strip()));
		LifecycleState state = this.evaluation.evaluate(subscriberId, now, actor).orElse(null);
		return new SubscriptionChange(subscriberId, Objects.requireNonNull(subscriber.expiresOn()), state, false);
	}

	/**
	 * @param restores where the router work of a restore goes, or null to enqueue it at
	 * once
	 */
	private SubscriptionChange apply(UUID subscriberId, Extension extension, Actor actor,
			@Nullable SubscriberChangeBatch restores) {
		Subscriber subscriber = this.subscribers.get(subscriberId);
		LocalDate today = today();
		LocalDate expiresOn;
		if (extension.until() != null) {
			expiresOn = extension.until();
			if (expiresOn.isBefore(today)) {
				throw new InvalidInputException(FieldError.invalid("until", "The new expiry is today or later"));
			}
		}
		else {
			LocalDate current = subscriber.expiresOn();
			LocalDate base = (current == null || current.isBefore(today)) ? today.minusDays(1) : current;
			expiresOn = base.plusDays(Objects.requireNonNull(extension.days()));
		}
		this.subscribers.describe(subscriberId,
				new SubscriberProfile(subscriber.contact(), expiresOn, subscriber.notes()), actor);
		// the expiry trigger has to see the new date before the flow reads its row
		this.entities.flush();
		Instant now = this.clock.instant();
		LifecycleState state = ((restores != null) ? this.evaluation.evaluate(subscriberId, now, actor, restores)
				: this.evaluation.evaluate(subscriberId, now, actor))
			.orElse(null);
		return new SubscriptionChange(subscriberId, expiresOn, state, false);
	}

	private SubscriptionChange current(UUID subscriberId) {
		Subscriber subscriber = this.subscribers.get(subscriberId);
		if (subscriber.expiresOn() == null) {
			throw new InvalidInputException(new FieldError("subscriberId", ErrorCode.INVALID_STATE,
					"The subscriber has no expiry; pass until or days to set one"));
		}
		return new SubscriptionChange(subscriberId, subscriber.expiresOn(),
				this.evaluation.stateOf(subscriberId).orElse(null), false);
	}

	private SubscriptionChange idempotent(@Nullable String key, String operation, String request,
			Supplier<SubscriptionChange> work) {
		if (key == null) {
			return work.get();
		}
		IdempotencyRecords.Replayable result = this.idempotency.once(key, operation, request, this.clock.instant(),
				() -> work.get().stored());
		return SubscriptionChange.fromStored(result.result(), result.replayed());
	}

	private LocalDate today() {
		return this.clock.instant().atZone(this.policies.current().timeZone()).toLocalDate();
	}

	private void publish(String type, UUID subscriberId, Actor actor, Map<String, String> data) {
		this.events.publishEvent(TenantEvent.of(TenantContext.require(), type, subscriberId.toString(), actor,
				this.clock.instant(), data));
	}

	/**
	 * A payment as the billing system reports it; the fields are template variables.
	 *
	 * @param amount the amount
	 * @param currency ISO 4217 code
	 * @param reference the billing system's reference (invoice, receipt)
	 */
	public record Payment(BigDecimal amount, String currency, @Nullable String reference) {

		public Payment {
			if (amount.signum() <= 0 || amount.scale() > 4) {
				throw new InvalidInputException(
						FieldError.invalid("amount", "The amount is positive with at most 4 decimals"));
			}
			if (currency == null || !currency.matches("[A-Z]{3}")) {
				throw new InvalidInputException(FieldError.invalid("currency", "The currency is an ISO 4217 code"));
			}
			if (reference != null && reference.length() > 200) {
				throw new InvalidInputException(FieldError.invalid("reference", "At most 200 characters"));
			}
		}

		Map<String, String> asData() {
			Map<String, String> data = new HashMap<>();
			data.put("amount", this.amount.toPlainString());
			data.put("currency", this.currency);
			if (this.reference != null) {
				data.put("reference", this.reference);
			}
			return data;
		}

	}

	private record Extension(@Nullable LocalDate until, @Nullable Integer days) {

		static Extension of(@Nullable LocalDate until, @Nullable Integer days) {
			if ((until == null) == (days == null)) {
				throw new InvalidInputException(FieldError.invalid("until", "Give either until or days"));
			}
			if (days != null && (days < 1 || days > MAX_DAYS)) {
				throw new InvalidInputException(FieldError.invalid("days", "Days are 1 to " + MAX_DAYS));
			}
			return new Extension(until, days);
		}

	}

}
