/**
 * GraphQL for usage accounting: a subscriber's usage series and totals per subscriber,
 * plan, router, POP or tenant for any period. (Not {@code api.usage}, which counts API
 * requests.)
 */
@NullMarked
package io.towerline.api.accounting;

import org.jspecify.annotations.NullMarked;
