/**
 * Tests of backups: schedules, storage, restore.
 */
@NullMarked
package io.towerline.core.backup;

import org.jspecify.annotations.NullMarked;
