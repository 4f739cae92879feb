/**
 * Keyset pages of a staff list in an order chosen by the caller, read with plain SQL (an
 * order by an expression or a tie-breaking column that Spring Data's keyset scrolling
 * cannot express), with cursors that belong to their order.
 */
@NullMarked
package io.towerline.core.paging;

import org.jspecify.annotations.NullMarked;
