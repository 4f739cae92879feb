package io.towerline.api.subscriber;

import java.util.List;
import java.util.UUID;

import io.towerline.api.security.Actors;
import io.towerline.api.subscriber.SubscriberInputs.BulkSubscribersPayload;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.subscriber.BulkAction;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.SubscriberSelection;
import io.towerline.core.subscriber.SubscriberStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** One action on many subscribers, chosen by id or by filter. */
@Controller
class BulkSubscriberActionController {

	private final BulkSubscribers bulk;

	BulkSubscriberActionController(BulkSubscribers bulk) {
		this.bulk = bulk;
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	BulkSubscribersPayload bulkSubscriberAction(@Argument BulkSubscriberActionInput input) {
		try {
			return BulkSubscribersPayload
				.of(this.bulk.apply(input.action(), input.selection(), input.planId(), Actors.current()));
		}
		catch (InvalidInputException ex) {
			return BulkSubscribersPayload.failed(ex.errors());
		}
	}

	record SubscriberFilterInput(@Nullable UUID routerId, @Nullable UUID popId, @Nullable UUID planId,
			@Nullable SubscriberStatus status) {

	}

	record BulkSubscriberActionInput(BulkAction action, @Nullable List<UUID> subscriberIds,
			@Nullable SubscriberFilterInput filter, @Nullable UUID planId) {

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

}
