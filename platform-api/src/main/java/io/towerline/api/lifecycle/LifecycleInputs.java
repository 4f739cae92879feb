package io.towerline.api.lifecycle;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.lifecycle.LifecyclePolicy;
import io.towerline.core.subscriber.LifecycleState;
import io.towerline.core.lifecycle.PlanLifecycleOverride;
import io.towerline.core.lifecycle.SubscriptionChange;
import io.towerline.core.lifecycle.Subscriptions.Payment;
import io.towerline.core.lifecycle.SuspensionMode;
import io.towerline.core.subscriber.Subscriber;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of the lifecycle operations. */
final class LifecycleInputs {

	private LifecycleInputs() {
	}

	static @Nullable LocalDate date(@Nullable String text, String field) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException(FieldError.invalid(field, "A date is YYYY-MM-DD"));
		}
	}

	record SetLifecyclePolicyInput(boolean enabled, List<Integer> noticeDays, int graceDays, @Nullable UUID gracePlanId,
			@Nullable SuspensionMode suspensionMode, @Nullable UUID suspendedPlanId, int actionHour, String timeZone,
			@Nullable List<DayOfWeek> skipWeekdays, @Nullable List<String> skipDates) {

		LifecyclePolicy policy() {
			ZoneId zone;
			try {
				zone = ZoneId.of(this.timeZone);
			}
			catch (DateTimeException ex) {
				throw new InvalidInputException(FieldError.invalid("timeZone", "Not a time zone; use an IANA name"));
			}
			List<LocalDate> dates = (this.skipDates != null)
					? this.skipDates.stream().map((text) -> date(text, "skipDates")).toList() : List.of();
			return new LifecyclePolicy(this.enabled, this.noticeDays, this.graceDays, this.gracePlanId,
					(this.suspensionMode != null) ? this.suspensionMode : SuspensionMode.DISABLE_SECRET,
					this.suspendedPlanId, this.actionHour, zone,
					(this.skipWeekdays != null) ? Set.copyOf(this.skipWeekdays) : Set.of(), Set.copyOf(dates));
		}

	}

	record SetPlanLifecycleOverrideInput(UUID planId, @Nullable List<Integer> noticeDays, @Nullable Integer graceDays) {

		PlanLifecycleOverride override() {
			return new PlanLifecycleOverride(this.planId, this.noticeDays, this.graceDays);
		}

	}

	record ExtendSubscriptionInput(UUID subscriberId, @Nullable String until, @Nullable Integer days,
			@Nullable String idempotencyKey) {

	}

	record RecordPaymentInput(UUID subscriberId, String amount, String currency, @Nullable String reference,
			@Nullable String until, @Nullable Integer days, @Nullable String idempotencyKey) {

		Payment payment() {
			BigDecimal value;
			try {
				value = new BigDecimal(this.amount);
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException(FieldError.invalid("amount", "The amount is a decimal, e.g. 25.00"));
			}
			return new Payment(value, this.currency, this.reference);
		}

	}

	record PostponeSuspensionInput(UUID subscriberId, String until, String reason) {

	}

	record LifecyclePolicyPayload(@Nullable LifecyclePolicy policy, List<FieldError> errors) {

	}

	record PlanLifecycleOverridePayload(@Nullable PlanLifecycleOverride override, List<FieldError> errors) {

	}

	record SubscriptionChangePayload(@Nullable Subscriber subscriber, @Nullable String expiresOn,
			@Nullable LifecycleState lifecycleState, boolean replayed, List<FieldError> errors) {

		static SubscriptionChangePayload of(SubscriptionChange change, Subscriber subscriber) {
			return new SubscriptionChangePayload(subscriber, change.expiresOn().toString(), change.state(),
					change.replayed(), List.of());
		}

		static SubscriptionChangePayload refused(List<FieldError> errors) {
			return new SubscriptionChangePayload(null, null, null, false, errors);
		}

	}

	record TimelinePage(List<?> nodes) {

	}

}
