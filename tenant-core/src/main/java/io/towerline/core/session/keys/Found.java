package io.towerline.core.session.keys;

import java.util.List;
import java.util.UUID;

/**
 * What a search in memory found.
 *
 * @param page the ids of the page's sessions, in the search's order
 * @param matches how many sessions match, counted exactly
 */
public record Found(List<UUID> page, long matches) {

}
