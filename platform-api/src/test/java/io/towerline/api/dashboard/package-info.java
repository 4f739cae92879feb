/**
 * Tests of the tenant summary the dashboard shows.
 */
@NullMarked
package io.towerline.api.dashboard;

import org.jspecify.annotations.NullMarked;
