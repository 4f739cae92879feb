/**
 * Router health history: every alert sweep records each router's reachability, CPU,
 * memory and uptime as one minute sample, rolls finished hours up into hourly figures,
 * notices routers that came back or rebooted, and drops samples past their retention.
 */
@NullMarked
package io.towerline.core.health;

import org.jspecify.annotations.NullMarked;
