package io.towerline.core.platformoutbox;

import java.util.UUID;

/**
 * Writes one kind of outbox entry onto main. Delivery may be repeated after a crash
 * between it and the entry's removal, so it must be idempotent by {@code id}.
 */
public interface OutboxDelivery {

	/** The kind of entries this delivers. */
	String kind();

	/**
	 * Writes the entry on main, outside any tenant transaction; a repeat changes nothing.
	 */
	void deliver(UUID id, String body);

}
