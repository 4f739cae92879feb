package io.towerline.api.subscriber;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.subscriber.BulkOutcome;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of subscriber operations. */
final class SubscriberInputs {

	private SubscriberInputs() {
	}

	record CreateSubscriberInput(@Nullable String username, @Nullable String password, @Nullable UUID planId,
			@Nullable UUID routerId, @Nullable UUID popId, @Nullable String fullName, @Nullable String email,
			@Nullable String phone, @Nullable String address, @Nullable String expiresOn, @Nullable String notes) {

		SubscriberDraft draft() {
			return new SubscriberDraft(this.username, this.password, this.planId, this.routerId, this.popId,
					profile(this.fullName, this.email, this.phone, this.address, this.expiresOn, this.notes));
		}

		@Override
		public String toString() {
			return "CreateSubscriberInput[username=" + this.username + ", password=(hidden)]";
		}

	}

	record UpdateSubscriberInput(UUID id, @Nullable String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String address, @Nullable String expiresOn, @Nullable String notes) {

		SubscriberProfile profile() {
			return SubscriberInputs.profile(this.fullName, this.email, this.phone, this.address, this.expiresOn,
					this.notes);
		}

	}

	record SubscriberIdInput(UUID id) {

	}

	record ChangeSubscriberPasswordInput(UUID id, String password) {

		@Override
		public String toString() {
			return "ChangeSubscriberPasswordInput[id=" + this.id + ", password=(hidden)]";
		}

	}

	record ChangeSubscriberPlanInput(UUID id, UUID planId) {

	}

	record MoveSubscriberInput(UUID id, @Nullable UUID routerId, @Nullable UUID popId) {

	}

	record BulkCreateSubscribersInput(List<CreateSubscriberInput> subscribers) {

	}

	record ImportSubscribersCsvInput(String csv) {

	}

	record BulkChangeSubscriberPlanInput(List<UUID> subscriberIds, UUID planId) {

	}

	record SubscriberPayload(@Nullable Subscriber subscriber, @Nullable RouterOperation operation,
			List<FieldError> errors) {

		static SubscriberPayload of(Changed changed) {
			return new SubscriberPayload(changed.subscriber(), changed.operation(), List.of());
		}

		static SubscriberPayload failed(List<FieldError> errors) {
			return new SubscriberPayload(null, null, errors);
		}

	}

	record RevealPasswordPayload(@Nullable String password, List<FieldError> errors) {

		@Override
		public String toString() {
			return "RevealPasswordPayload[password=(hidden)]";
		}

	}

	record BulkSubscribersPayload(int accepted, List<RouterOperation> operations,
			List<BulkOutcome.RejectedRow> rejected, List<FieldError> errors) {

		static BulkSubscribersPayload of(BulkOutcome outcome) {
			return new BulkSubscribersPayload(outcome.created().size(), outcome.operations(), outcome.rejected(),
					List.of());
		}

		static BulkSubscribersPayload failed(List<FieldError> errors) {
			return new BulkSubscribersPayload(0, List.of(), List.of(), errors);
		}

	}

	static SubscriberProfile profile(@Nullable String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String address, @Nullable String expiresOn, @Nullable String notes) {
		LocalDate expiry = null;
		if (expiresOn != null && !expiresOn.isBlank()) {
			try {
				expiry = LocalDate.parse(expiresOn.strip());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException(FieldError.invalid("expiresOn", "Use the date format YYYY-MM-DD"));
			}
		}
		return SubscriberProfile.of(fullName, email, phone, address, expiry, notes);
	}

}
