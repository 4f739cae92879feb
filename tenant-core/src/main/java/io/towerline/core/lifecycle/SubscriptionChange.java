package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The result of an extension or payment, as first returned (a retry with the same key
 * gets exactly this).
 *
 * @param subscriberId the subscriber
 * @param expiresOn the expiry after the call
 * @param state where the subscriber stood after the call
 * @param replayed whether this is the stored result of an earlier call with the key
 */
public record SubscriptionChange(UUID subscriberId, LocalDate expiresOn, @Nullable LifecycleState state,
		boolean replayed) {

	String stored() {
		return this.subscriberId + "|" + this.expiresOn + "|" + ((this.state != null) ? this.state.name() : "");
	}

	static SubscriptionChange fromStored(String stored, boolean replayed) {
		String[] parts = stored.split("\\|", -1);
		return new SubscriptionChange(UUID.fromString(parts[0]), LocalDate.parse(parts[1]),
				parts[2].isEmpty() ? null : LifecycleState.valueOf(parts[2]), replayed);
	}

}
