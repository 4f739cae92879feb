/**
 * Test support shared with other modules through the test jar: one real PostgreSQL per
 * test JVM.
 */
@NullMarked
package io.towerline.core.testsupport;

import org.jspecify.annotations.NullMarked;
