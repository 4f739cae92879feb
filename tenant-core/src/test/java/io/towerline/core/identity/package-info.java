/**
 * Tests of users, API clients and access epochs.
 */
@NullMarked
package io.towerline.core.identity;

import org.jspecify.annotations.NullMarked;
