package io.towerline.core.session.keys;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One online session's search keys, as a row of {@code online_session_key}.
 *
 * @param loginMicros the login time in microseconds since the epoch (the database's
 * precision)
 * @param sortName the lower-case user name
 * @param search the lower-case user name, the address and the lower-case caller-id joined
 * by U+001F (ADR 0217)
 */
record SearchKey(UUID id, UUID routerId, @Nullable UUID subscriberId, long loginMicros, String sortName,
		String search) {

}
