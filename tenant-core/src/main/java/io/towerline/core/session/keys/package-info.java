/**
 * The online sessions' search keys in memory (ADR 0245): per tenant, once it is searched,
 * a copy of the search-key table that each search first brings up to date with what
 * changed since (one index range on the writers' transaction ids) and then scans, so a
 * substring search and its count cost the database two index lookups and the page's rows
 * instead of a trigram scan and a recheck of every candidate.
 */
@NullMarked
package io.towerline.core.session.keys;

import org.jspecify.annotations.NullMarked;
