package io.towerline.core.notification;

import java.util.UUID;

/**
 * A member of the tenant's staff who receives events (alerts, failed operations ...).
 *
 * @param id the recipient
 * @param channel e-mail or SMS
 * @param address the e-mail address or phone number
 * @param filter the events wanted
 */
public record StaffRecipient(UUID id, Channel channel, String address, EventFilter filter) {

}
