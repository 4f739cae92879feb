/**
 * Typed operations on {@code /file}, backups and configuration exports: list, read in
 * chunks (binary-safe), remove, save a backup, export the configuration.
 */
@NullMarked
package io.towerline.mikrotik.files;

import org.jspecify.annotations.NullMarked;
