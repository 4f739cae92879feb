/**
 * Tests of backups through the API: taking, listing, comparing and restoring.
 */
@NullMarked
package io.towerline.api.backup;

import org.jspecify.annotations.NullMarked;
