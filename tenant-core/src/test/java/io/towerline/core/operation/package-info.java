/**
 * Tests of operations across crashes and shutdowns: dead executions revived within the
 * bound, work handed back at shutdown.
 */
@NullMarked
package io.towerline.core.operation;

import org.jspecify.annotations.NullMarked;
