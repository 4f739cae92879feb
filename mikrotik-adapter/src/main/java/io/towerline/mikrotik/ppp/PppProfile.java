package io.towerline.mikrotik.ppp;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A {@code /ppp/profile}: what the platform calls a plan's router side.
 *
 * @param id the router's {@code .id}
 * @param name the profile name secrets refer to
 * @param localAddress the router's end of the link (IP or pool), or null
 * @param remoteAddress the subscribers' addresses (IP or pool), or null
 * @param rateLimit RouterOS rate-limit text such as {@code 10M/20M}, or null for
 * unlimited
 * @param onlyOne {@code yes}, {@code no} or {@code default}
 * @param sessionTimeout maximum session length, or null for none
 * @param idleTimeout idle disconnect, or null for none
 * @param addressList the firewall address list subscribers join, or empty
 * @param dnsServer the DNS servers handed to subscribers (comma separated), or null
 * @param parentQueue the queue subscribers' queues hang under, or null
 * @param comment free text, or null
 * @param builtIn {@code default} and {@code default-encryption}, which cannot be removed
 */
public record PppProfile(String id, String name, @Nullable String localAddress, @Nullable String remoteAddress,
		@Nullable String rateLimit, String onlyOne, @Nullable Duration sessionTimeout, @Nullable Duration idleTimeout,
		String addressList, @Nullable String dnsServer, @Nullable String parentQueue, @Nullable String comment,
		boolean builtIn) {

}
