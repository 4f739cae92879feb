package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.subscriber.SubscriberStatus;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber with its place in the flow, read in one row.
 *
 * @param id the subscriber
 * @param username the PPPoE username
 * @param fullName the contact's name
 * @param planId the plan the subscriber is on now
 * @param status the subscriber's status
 * @param expiresOn the last paid day, or null when the flow leaves it alone
 * @param deleting whether it is being removed
 * @param state where it stands in the flow
 * @param regularPlanId the plan to go back to after grace or a suspended plan
 * @param noticesExpiry the expiry the sent notices were for
 * @param noticesSent the notices (days) already sent for {@code noticesExpiry}
 * @param postponedUntil the day until which suspension is postponed
 * @param dueAt when it was due for this look
 */
record TrackedSubscriber(UUID id, String username, @Nullable String fullName, UUID planId, SubscriberStatus status,
		@Nullable LocalDate expiresOn, boolean deleting, LifecycleState state, @Nullable UUID regularPlanId,
		@Nullable LocalDate noticesExpiry, Set<Integer> noticesSent, @Nullable LocalDate postponedUntil,
		@Nullable Instant dueAt) {

	/** The notices already sent for the current expiry. */
	Set<Integer> sentForCurrentExpiry() {
		return (this.expiresOn != null && this.expiresOn.equals(this.noticesExpiry)) ? this.noticesSent : Set.of();
	}

}
