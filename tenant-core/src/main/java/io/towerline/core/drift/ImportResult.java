package io.towerline.core.drift;

import java.util.List;
import java.util.UUID;

/**
 * What an import took from a router so far (final once its operation has SUCCEEDED).
 *
 * @param operationId the import's operation
 * @param routerId the router
 * @param createdPlanIds plans created from the router's profiles
 * @param subscribersCreated subscribers created from the router's secrets
 * @param alreadyManaged secrets the platform already managed on this router before the
 * import
 * @param skipped profiles and secrets that could not be imported, with the reason
 */
public record ImportResult(UUID operationId, UUID routerId, List<UUID> createdPlanIds, int subscribersCreated,
		int alreadyManaged, List<Skipped> skipped) {

	/**
	 * A profile or secret left on the router only.
	 *
	 * @param object profile or secret
	 * @param name its name
	 * @param reason why
	 */
	public record Skipped(DriftObject object, String name, String reason) {

	}

}
