package io.towerline.mikrotik.ppp;

import io.towerline.mikrotik.command.Command;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of a PPP profile. Null properties are not sent (left as they are, or
 * the router default).
 *
 * @param rateLimit e.g. {@code 10M/20M} (rx/tx from the router's view: subscriber
 * upload/download)
 */
public record PppProfileSpec(String name, @Nullable String rateLimit, @Nullable String localAddress,
		@Nullable String remoteAddress, @Nullable String onlyOne, @Nullable String comment) {

	/** A plan profile with a rate limit and an address pool. */
	public static PppProfileSpec plan(String name, String rateLimit, String localAddress, String remotePool) {
		return new PppProfileSpec(name, rateLimit, localAddress, remotePool, "yes", null);
	}

	public PppProfileSpec withComment(@Nullable String comment) {
		return new PppProfileSpec(this.name, this.rateLimit, this.localAddress, this.remoteAddress, this.onlyOne,
				comment);
	}

	void writeTo(Command.Builder command) {
		command.with("name", this.name);
		if (this.rateLimit != null) {
			command.with("rate-limit", this.rateLimit);
		}
		if (this.localAddress != null) {
			command.with("local-address", this.localAddress);
		}
		if (this.remoteAddress != null) {
			command.with("remote-address", this.remoteAddress);
		}
		if (this.onlyOne != null) {
			command.with("only-one", this.onlyOne);
		}
		if (this.comment != null) {
			command.withText("comment", this.comment);
		}
	}

}
