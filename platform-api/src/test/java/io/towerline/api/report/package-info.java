/**
 * Tests of reports through the API: usage and event reports, their files, limits,
 * retention and isolation.
 */
@NullMarked
package io.towerline.api.report;

import org.jspecify.annotations.NullMarked;
