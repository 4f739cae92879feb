package io.towerline.mikrotik.ppp;

import java.time.Duration;

/**
 * A subscriber online right now ({@code /ppp/active}). RouterOS 7 reports no byte
 * counters here; traffic comes from the session's {@code <pppoe-NAME>} interface
 * ({@code Interfaces#pppoeInterface}).
 *
 * @param id the session's {@code .id}, which {@link SessionEvent.Ended} refers to
 * @param name the PPPoE username
 * @param service usually {@code pppoe}
 * @param callerId the subscriber's MAC
 * @param address the IP the subscriber got
 * @param uptime how long the session has been up
 * @param sessionId the PPP session id, e.g. {@code 0x81000001}
 */
public record PppActiveSession(String id, String name, PppService service, String callerId, String address,
		Duration uptime, String sessionId) {

}
