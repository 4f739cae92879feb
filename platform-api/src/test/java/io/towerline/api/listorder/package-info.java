/**
 * Tests of sorting the staff lists with keyset cursors.
 */
@NullMarked
package io.towerline.api.listorder;

import org.jspecify.annotations.NullMarked;
