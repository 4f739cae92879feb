/**
 * Root of the application; component scanning, entity scanning and repositories start
 * here and cover every module.
 */
@NullMarked
package io.towerline;

import org.jspecify.annotations.NullMarked;
