package io.towerline.core.session.keys;

import java.util.UUID;

/**
 * Where a page ended: the sort values of its last session.
 *
 * @param loginMicros login time in microseconds since the epoch
 * @param sortName lower-case user name
 */
public record KeyPosition(long loginMicros, String sortName, UUID id) {

}
