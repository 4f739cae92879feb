package io.towerline.core.health;

import java.time.Instant;

/**
 * How many PPPoE sessions a router had online over one minute or one hour.
 *
 * @param at start of the minute or hour
 * @param samples how many minute samples it covers (1 for a minute)
 * @param online sessions online at the minute's sample (the average over an hour)
 * @param onlineMax the most sessions seen online
 * @param onlineMin the fewest sessions seen online
 */
public record OnlineCountPoint(Instant at, int samples, int online, int onlineMax, int onlineMin) {

}
