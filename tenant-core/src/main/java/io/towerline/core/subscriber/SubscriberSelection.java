package io.towerline.core.subscriber;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which subscribers a bulk request acts on: the given ids, or every subscriber matching a
 * filter (all conditions at once; none given: every subscriber of the tenant).
 *
 * @param ids the subscribers, in order; null to select by the filter
 * @param routerId only those on this router
 * @param popId only those on the routers of this POP
 * @param planId only those on this plan
 * @param status only those in this status
 */
public record SubscriberSelection(@Nullable List<UUID> ids, @Nullable UUID routerId, @Nullable UUID popId,
		@Nullable UUID planId, @Nullable SubscriberStatus status) {

	public SubscriberSelection {
		ids = (ids != null) ? List.copyOf(ids) : null;
	}

	/** Exactly these subscribers. */
	public static SubscriberSelection of(List<UUID> ids) {
		return new SubscriberSelection(ids, null, null, null, null);
	}

	/** Every subscriber matching all the given conditions. */
	public static SubscriberSelection matching(@Nullable UUID routerId, @Nullable UUID popId, @Nullable UUID planId,
			@Nullable SubscriberStatus status) {
		return new SubscriberSelection(null, routerId, popId, planId, status);
	}

}
