/**
 * Tests of the RouterOS simulator itself: churn, reboots, live sessions, its command line
 * and interop with another API library.
 */
@NullMarked
package io.towerline.mikrotik.simulator;

import org.jspecify.annotations.NullMarked;
