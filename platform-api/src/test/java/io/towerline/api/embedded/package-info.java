/**
 * Tests of the embedded database: restarts after a crash, a live owner, stale pid files,
 * durability.
 */
@NullMarked
package io.towerline.api.embedded;

import org.jspecify.annotations.NullMarked;
