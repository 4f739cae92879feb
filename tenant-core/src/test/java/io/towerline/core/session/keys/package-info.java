/**
 * Tests of the search keys in memory: the orders match PostgreSQL's, the kept page is the
 * sorted prefix.
 */
@NullMarked
package io.towerline.core.session.keys;

import org.jspecify.annotations.NullMarked;
