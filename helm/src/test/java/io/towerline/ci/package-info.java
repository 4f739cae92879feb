/**
 * Tests of the CI entry point's scripts under {@code .ci/}, run by the build beside the
 * chart's tests: branches a prepared machine never takes are exercised here.
 */
@NullMarked
package io.towerline.ci;

import org.jspecify.annotations.NullMarked;
