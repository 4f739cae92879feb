package io.towerline.core.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a subscriber.
 *
 * @param fullName name of the person or company
 * @param email e-mail address
 * @param phone phone number
 * @param address service address
 */
@Embeddable
public record Contact(@Column(name = "full_name") @Nullable String fullName, @Nullable String email,
		@Nullable String phone, @Column(name = "service_address") @Nullable String address) {

	public static final Contact NONE = new Contact(null, null, null, null);

}
