/**
 * Tests of report files.
 */
@NullMarked
package io.towerline.core.report;

import org.jspecify.annotations.NullMarked;
