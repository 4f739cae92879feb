package io.towerline.core.operation;

import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;

import org.jspecify.annotations.Nullable;

/**
 * What to enqueue.
 *
 * @param kind what to do
 * @param routerId on which router
 * @param subscriberId the subscriber for SYNC_SUBSCRIBER, and for REMOVE_SECRET when the
 * secret is a subscriber's (moved away)
 * @param planId the plan for SYNC_PLAN
 * @param subject the secret name for REMOVE_SECRET, the profile name for REMOVE_PROFILE
 * @param subscriberIds the subscribers for SYNC_SUBSCRIBERS
 * @param requestedBy who asked: {@code user:<name>}, {@code client:<id>} or
 * {@code system:<job>}
 */
public record OperationRequest(OperationKind kind, UUID routerId, @Nullable UUID subscriberId, @Nullable UUID planId,
		@Nullable String subject, List<UUID> subscriberIds, Actor requestedBy) {

	public static OperationRequest syncSubscriber(UUID routerId, UUID subscriberId, Actor requestedBy) {
		return new OperationRequest(OperationKind.SYNC_SUBSCRIBER, routerId, subscriberId, null, null, List.of(),
				requestedBy);
	}

	public static OperationRequest syncSubscribers(UUID routerId, List<UUID> subscriberIds, Actor requestedBy) {
		return new OperationRequest(OperationKind.SYNC_SUBSCRIBERS, routerId, null, null, null,
				List.copyOf(subscriberIds), requestedBy);
	}

	public static OperationRequest removeSecret(UUID routerId, String secretName, Actor requestedBy) {
		return new OperationRequest(OperationKind.REMOVE_SECRET, routerId, null, null, secretName, List.of(),
				requestedBy);
	}

	/** Removes a subscriber's secret from a router it left. */
	public static OperationRequest removeSubscriberSecret(UUID routerId, UUID subscriberId, String secretName,
			Actor requestedBy) {
		return new OperationRequest(OperationKind.REMOVE_SECRET, routerId, subscriberId, null, secretName, List.of(),
				requestedBy);
	}

	public static OperationRequest removeProfile(UUID routerId, String profileName, Actor requestedBy) {
		return new OperationRequest(OperationKind.REMOVE_PROFILE, routerId, null, null, profileName, List.of(),
				requestedBy);
	}

	/** Kicks the session of {@code username} (live sessions, issue 9). */
	public static OperationRequest disconnectSession(UUID routerId, @Nullable UUID subscriberId, String username,
			Actor requestedBy) {
		return new OperationRequest(OperationKind.DISCONNECT_SESSION, routerId, subscriberId, null, username, List.of(),
				requestedBy);
	}

	public static OperationRequest importRouter(UUID routerId, Actor requestedBy) {
		return new OperationRequest(OperationKind.IMPORT_ROUTER, routerId, null, null, null, List.of(), requestedBy);
	}

	/**
	 * What the operation serialises on within its router: operations with equal keys
	 * never run at once, and the bulk key ({@value #ALL_SECRETS}) excludes every
	 * single-secret key. A subscriber's operations share one key whatever their kind, so
	 * a removal and a re-creation of the same secret cannot overtake each other.
	 */
	String lockKey() {
		return switch (this.kind) {
			case SYNC_SUBSCRIBER -> SECRET_PREFIX + "subscriber:" + this.subscriberId;
			case REMOVE_SECRET -> (this.subscriberId != null) ? SECRET_PREFIX + "subscriber:" + this.subscriberId
					: SECRET_PREFIX + "name:" + this.subject;
			case SYNC_SUBSCRIBERS -> ALL_SECRETS;
			case SYNC_PLAN -> "profile/plan:" + this.planId;
			case REMOVE_PROFILE -> "profile/name:" + this.subject;
			// an import only reads the router; two imports of one router must not
			// interleave
			case IMPORT_ROUTER -> "import";
			// backups: two backups of one router must not interleave; a restore rewrites
			// every secret
			case BACKUP_ROUTER -> "backup";
			case RESTORE_BACKUP -> ALL_SECRETS;
			// live sessions (issue 9): kicks of one user name never overlap
			case DISCONNECT_SESSION -> "session/name:" + this.subject;
		};
	}

	/** Prefix of the keys of operations on one secret. */
	static final String SECRET_PREFIX = "secret/";

	/** Key of operations on many secrets of a router. */
	static final String ALL_SECRETS = "secrets";

	public static OperationRequest syncPlan(UUID routerId, UUID planId, Actor requestedBy) {
		return new OperationRequest(OperationKind.SYNC_PLAN, routerId, null, planId, null, List.of(), requestedBy);
	}

	// backups

	/** Takes the router's backups; {@code what} is EXPORT, BINARY or ALL. */
	public static OperationRequest backupRouter(UUID routerId, String what, Actor requestedBy) {
		return new OperationRequest(OperationKind.BACKUP_ROUTER, routerId, null, null, what, List.of(), requestedBy);
	}

	/** Restores one stored backup onto its router. */
	public static OperationRequest restoreBackup(UUID routerId, UUID backupId, Actor requestedBy) {
		return new OperationRequest(OperationKind.RESTORE_BACKUP, routerId, null, null, backupId.toString(), List.of(),
				requestedBy);
	}

}
