package io.towerline.core.subscriber;

import java.util.UUID;

import io.towerline.core.router.RouterReferences;
import io.towerline.core.wording.Counted;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a router that still serves subscribers (including those being removed) from being
 * deleted.
 */
@Component
class SubscribersOfRouter implements RouterReferences {

	private final SubscriberRepository subscribers;

	SubscribersOfRouter(SubscriberRepository subscribers) {
		this.subscribers = subscribers;
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable String usageOf(UUID routerId) {
		long count = this.subscribers.countByRouterId(routerId);
		return (count > 0) ? Counted.of(count, "subscriber") : null;
	}

}
