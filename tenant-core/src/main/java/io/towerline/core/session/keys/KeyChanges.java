package io.towerline.core.session.keys;

import java.util.List;
import java.util.UUID;

/**
 * What one read of the search-key table returned.
 *
 * @param whole whether {@code keys} is every key (a full read) rather than those changed
 * since the previous read's snapshot
 * @param identity the table's object id and the database server's start time: a copy read
 * from another table (a tenant moved or re-created) is read whole again
 * @param xmin the read's snapshot's xmin: every transaction below it had ended, so the
 * next read asks for rows and markers written at or above it
 * @param gone ids removed since, and absent from the table now
 */
record KeyChanges(boolean whole, String identity, long xmin, List<SearchKey> keys, List<UUID> gone) {

}
