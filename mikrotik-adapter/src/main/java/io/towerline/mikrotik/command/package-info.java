/**
 * Commands and replies as values: the one builder that validates paths and names and
 * carries every value as its own word (so values cannot inject), and the executor
 * contract the typed menu operations run on. Internal to the module; the platform only
 * sees the typed operations.
 */
@NullMarked
package io.towerline.mikrotik.command;

import org.jspecify.annotations.NullMarked;
