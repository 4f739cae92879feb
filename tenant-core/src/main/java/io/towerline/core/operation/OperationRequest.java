package io.towerline.core.operation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to enqueue.
 *
 * @param kind what to do
 * @param routerId on which router
 * @param subscriberId the subscriber for SYNC_SUBSCRIBER
 * @param planId the plan for SYNC_PLAN
 * @param subject the secret name for REMOVE_SECRET, the profile name for REMOVE_PROFILE
 * @param subscriberIds the subscribers for SYNC_SUBSCRIBERS
 * @param requestedBy who asked: {@code user:<name>}, {@code client:<id>} or
 * {@code system:<job>}
 */
public record OperationRequest(OperationKind kind, UUID routerId, @Nullable UUID subscriberId, @Nullable UUID planId,
		@Nullable String subject, List<UUID> subscriberIds, String requestedBy) {

	public static OperationRequest syncSubscriber(UUID routerId, UUID subscriberId, String requestedBy) {
		return new OperationRequest(OperationKind.SYNC_SUBSCRIBER, routerId, subscriberId, null, null, List.of(),
				requestedBy);
	}

	public static OperationRequest syncSubscribers(UUID routerId, List<UUID> subscriberIds, String requestedBy) {
		return new OperationRequest(OperationKind.SYNC_SUBSCRIBERS, routerId, null, null, null,
				List.copyOf(subscriberIds), requestedBy);
	}

	public static OperationRequest removeSecret(UUID routerId, String secretName, String requestedBy) {
		return new OperationRequest(OperationKind.REMOVE_SECRET, routerId, null, null, secretName, List.of(),
				requestedBy);
	}

	public static OperationRequest removeProfile(UUID routerId, String profileName, String requestedBy) {
		return new OperationRequest(OperationKind.REMOVE_PROFILE, routerId, null, null, profileName, List.of(),
				requestedBy);
	}

	public static OperationRequest importRouter(UUID routerId, String requestedBy) {
		return new OperationRequest(OperationKind.IMPORT_ROUTER, routerId, null, null, null, List.of(), requestedBy);
	}

	public static OperationRequest syncPlan(UUID routerId, UUID planId, String requestedBy) {
		return new OperationRequest(OperationKind.SYNC_PLAN, routerId, null, planId, null, List.of(), requestedBy);
	}

}
