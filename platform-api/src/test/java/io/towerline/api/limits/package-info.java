/**
 * Tests of the GraphQL limits: document shape, cost, depth, aliases, production hardening
 * (fuzzed).
 */
@NullMarked
package io.towerline.api.limits;

import org.jspecify.annotations.NullMarked;
