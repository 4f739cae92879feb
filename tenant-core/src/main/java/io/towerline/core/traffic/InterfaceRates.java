package io.towerline.core.traffic;

import java.time.Instant;
import java.util.List;

/**
 * The rates of a router's PPPoE interfaces over one window.
 *
 * @param measuredAt the end of the window
 * @param windowSeconds its length
 * @param sessions PPPoE interfaces at the end of the window
 * @param rates one per interface present at both ends
 */
record InterfaceRates(Instant measuredAt, double windowSeconds, int sessions, List<InterfaceRate> rates) {

}
