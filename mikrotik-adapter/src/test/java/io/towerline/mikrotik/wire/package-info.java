/**
 * Tests of the RouterOS wire protocol: word lengths, sentences, their reader and codec
 * (fuzzed), router text.
 */
@NullMarked
package io.towerline.mikrotik.wire;

import org.jspecify.annotations.NullMarked;
