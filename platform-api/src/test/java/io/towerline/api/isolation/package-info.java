/**
 * Cross-tenant tests: tenant B on tenant A's ids answers NOT_FOUND and changes nothing,
 * for every root field (ADR 0194, ADR 0203).
 */
@NullMarked
package io.towerline.api.isolation;

import org.jspecify.annotations.NullMarked;
