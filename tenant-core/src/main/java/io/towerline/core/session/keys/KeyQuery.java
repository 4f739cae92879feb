package io.towerline.core.session.keys;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A search in memory: sessions whose search text holds {@code text}, on the router and of
 * the subscriber when given, in {@code order}, the first {@code limit} after
 * {@code after} when given.
 *
 * @param text lower-case; matched anywhere in the user name, address or caller-id
 */
public record KeyQuery(String text, @Nullable UUID routerId, @Nullable UUID subscriberId, KeyOrder order,
		@Nullable KeyPosition after, int limit) {

}
