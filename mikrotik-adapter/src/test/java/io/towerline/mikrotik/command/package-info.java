/**
 * Tests of commands and the rows they answer: building, escaping, durations and value
 * rules, fuzzed.
 */
@NullMarked
package io.towerline.mikrotik.command;

import org.jspecify.annotations.NullMarked;
