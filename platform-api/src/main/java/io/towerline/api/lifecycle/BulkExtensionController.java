package io.towerline.api.lifecycle;

import java.util.List;
import java.util.UUID;

import io.towerline.api.security.Actors;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.lifecycle.Subscriptions;
import io.towerline.core.lifecycle.Subscriptions.BulkExtension;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.subscriber.BulkOutcome;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.SubscriberSelection;
import io.towerline.core.subscriber.SubscriberStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Extending many subscriptions at once, chosen by id or by filter. */
@Controller
class BulkExtensionController {

	private final BulkSubscribers bulk;

	private final Subscriptions subscriptions;

	BulkExtensionController(BulkSubscribers bulk, Subscriptions subscriptions) {
		this.bulk = bulk;
		this.subscriptions = subscriptions;
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	BulkExtensionPayload bulkExtendSubscriptions(@Argument BulkExtendSubscriptionsInput input) {
		try {
			List<UUID> ids = this.bulk.select(input.selection());
			BulkExtension extension = this.subscriptions.extendAll(ids, LifecycleInputs.date(input.until(), "until"),
					input.days(), Actors.current());
			return new BulkExtensionPayload(extension.changed().size(), List.of(), extension.rejected(), List.of());
		}
		catch (InvalidInputException ex) {
			return new BulkExtensionPayload(0, List.of(), List.of(), ex.errors());
		}
	}

	record FilterInput(@Nullable UUID routerId, @Nullable UUID popId, @Nullable UUID planId,
			@Nullable SubscriberStatus status) {

	}

	record BulkExtendSubscriptionsInput(@Nullable List<UUID> subscriberIds, @Nullable FilterInput filter,
			@Nullable String until, @Nullable Integer days) {

		/** Ids or a filter, exactly one of them. */
		SubscriberSelection selection() {
			if ((this.subscriberIds == null) == (this.filter == null)) {
				throw new InvalidInputException(FieldError.invalid("subscriberIds",
						"Give either subscriberIds or a filter, not both or neither"));
			}
			if (this.subscriberIds != null) {
				return SubscriberSelection.of(this.subscriberIds);
			}
			return SubscriberSelection.matching(this.filter.routerId(), this.filter.popId(), this.filter.planId(),
					this.filter.status());
		}

	}

	/**
	 * The schema's BulkSubscribersPayload: extensions that restore enqueue their own
	 * operations.
	 */
	record BulkExtensionPayload(int accepted, List<RouterOperation> operations, List<BulkOutcome.RejectedRow> rejected,
			List<FieldError> errors) {

	}

}
