package io.towerline.core.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;

/**
 * Delivers claimed messages of one channel. Each message is delivered at least once: a
 * crash between delivery and the record of it delivers it again with the same message id,
 * which the receiver de-duplicates on.
 */
public interface ChannelDelivery {

	Channel channel();

	/**
	 * Delivers the messages; the bound tenant owns them.
	 * @return the refusals by message id (a message not in the map was delivered)
	 */
	Map<UUID, Refusal> deliver(TenantId tenant, List<OutboxMessage> messages);

}
