/**
 * Tests of alerts: rules, sweeps, health history, self-healing, platform alert notices.
 */
@NullMarked
package io.towerline.core.alert;

import org.jspecify.annotations.NullMarked;
