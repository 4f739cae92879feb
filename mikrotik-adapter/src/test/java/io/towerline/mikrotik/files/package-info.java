/**
 * Tests of router files: taking, fetching and restoring backups.
 */
@NullMarked
package io.towerline.mikrotik.files;

import org.jspecify.annotations.NullMarked;
