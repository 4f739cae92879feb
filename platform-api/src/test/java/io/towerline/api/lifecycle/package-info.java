/**
 * Tests of the suspension flow through the API: notices, grace, batches, concurrent and
 * idle evaluations, isolation.
 */
@NullMarked
package io.towerline.api.lifecycle;

import org.jspecify.annotations.NullMarked;
