package io.towerline.mikrotik.ppp;

import java.time.Duration;

import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.DurationText;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of a PPP profile. Null properties are not sent (left as they are, or
 * the router default); {@link PppProfiles#unset} clears what must go.
 *
 * @param rateLimit e.g. {@code 10M/20M} (rx/tx from the router's view: subscriber
 * upload/download)
 * @param localAddress the router's end of the link: an IP or a pool name
 * @param remoteAddress the subscribers' addresses: an IP or a pool name
 * @param onlyOne {@code yes}, {@code no} or {@code default}
 * @param dnsServer one or two IPs, comma separated
 * @param addressList the firewall address list subscribers join while connected
 * @param parentQueue the queue the subscribers' queues hang under
 * @param sessionTimeout longest session
 * @param idleTimeout idle disconnect
 */
public record PppProfileSpec(String name, @Nullable String rateLimit, @Nullable String localAddress,
		@Nullable String remoteAddress, @Nullable String onlyOne, @Nullable String dnsServer,
		@Nullable String addressList, @Nullable String parentQueue, @Nullable Duration sessionTimeout,
		@Nullable Duration idleTimeout, @Nullable String comment) {

	/** A profile with only a name: every other property left as the router has it. */
	public static PppProfileSpec named(String name) {
		return new PppProfileSpec(name, null, null, null, null, null, null, null, null, null, null);
	}

	/** A plan profile with a rate limit and an address pool. */
	public static PppProfileSpec plan(String name, String rateLimit, String localAddress, String remotePool) {
		return named(name).withRateLimit(rateLimit).withAddresses(localAddress, remotePool).withOnlyOne("yes");
	}

	public PppProfileSpec withRateLimit(@Nullable String rateLimit) {
		return new PppProfileSpec(this.name, rateLimit, this.localAddress, this.remoteAddress, this.onlyOne,
				this.dnsServer, this.addressList, this.parentQueue, this.sessionTimeout, this.idleTimeout,
				this.comment);
	}

	public PppProfileSpec withAddresses(@Nullable String localAddress, @Nullable String remoteAddress) {
		return new PppProfileSpec(this.name, this.rateLimit, localAddress, remoteAddress, this.onlyOne, this.dnsServer,
				this.addressList, this.parentQueue, this.sessionTimeout, this.idleTimeout, this.comment);
	}

	public PppProfileSpec withOnlyOne(@Nullable String onlyOne) {
		return new PppProfileSpec(this.name, this.rateLimit, this.localAddress, this.remoteAddress, onlyOne,
				this.dnsServer, this.addressList, this.parentQueue, this.sessionTimeout, this.idleTimeout,
				this.comment);
	}

	public PppProfileSpec withDnsServer(@Nullable String dnsServer) {
		return new PppProfileSpec(this.name, this.rateLimit, this.localAddress, this.remoteAddress, this.onlyOne,
				dnsServer, this.addressList, this.parentQueue, this.sessionTimeout, this.idleTimeout, this.comment);
	}

	public PppProfileSpec withQueueing(@Nullable String addressList, @Nullable String parentQueue) {
		return new PppProfileSpec(this.name, this.rateLimit, this.localAddress, this.remoteAddress, this.onlyOne,
				this.dnsServer, addressList, parentQueue, this.sessionTimeout, this.idleTimeout, this.comment);
	}

	public PppProfileSpec withTimeouts(@Nullable Duration sessionTimeout, @Nullable Duration idleTimeout) {
		return new PppProfileSpec(this.name, this.rateLimit, this.localAddress, this.remoteAddress, this.onlyOne,
				this.dnsServer, this.addressList, this.parentQueue, sessionTimeout, idleTimeout, this.comment);
	}

	public PppProfileSpec withComment(@Nullable String comment) {
		return new PppProfileSpec(this.name, this.rateLimit, this.localAddress, this.remoteAddress, this.onlyOne,
				this.dnsServer, this.addressList, this.parentQueue, this.sessionTimeout, this.idleTimeout, comment);
	}

	void writeTo(Command.Builder command) {
		command.with("name", this.name);
		optional(command, "rate-limit", this.rateLimit);
		optional(command, "local-address", this.localAddress);
		optional(command, "remote-address", this.remoteAddress);
		optional(command, "only-one", this.onlyOne);
		optional(command, "dns-server", this.dnsServer);
		if (this.addressList != null) {
			command.withText("address-list", this.addressList);
		}
		if (this.parentQueue != null) {
			command.withText("parent-queue", this.parentQueue);
		}
		if (this.sessionTimeout != null) {
			command.with("session-timeout", DurationText.format(this.sessionTimeout));
		}
		if (this.idleTimeout != null) {
			command.with("idle-timeout", DurationText.format(this.idleTimeout));
		}
		if (this.comment != null) {
			command.withText("comment", this.comment);
		}
	}

	private static void optional(Command.Builder command, String property, @Nullable String value) {
		if (value != null) {
			command.with(property, value);
		}
	}

}
