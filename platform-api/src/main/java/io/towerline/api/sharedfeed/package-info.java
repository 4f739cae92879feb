/**
 * Feeds that many GraphQL subscriptions share: one read (a router stream, a ranking, a
 * poll of a table) per key however many watch it, started by the first watcher and
 * dropped when the last one leaves.
 */
@NullMarked
package io.towerline.api.sharedfeed;

import org.jspecify.annotations.NullMarked;
