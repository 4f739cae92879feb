package io.towerline.core.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Decides whether a tenant-given URL may be requested, by the addresses its host has now.
 * Asked when the URL is saved (a literal address or a name that already resolves to a
 * forbidden one is refused there) and again before every request, since a name can be
 * pointed elsewhere after it was saved.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundDestinations {

	private final boolean allowPrivate;

	private final HostResolver resolver;

	@Autowired
	OutboundDestinations(OutboundProperties properties) {
		this(properties.allowPrivateDestinations(), (host) -> List.of(InetAddress.getAllByName(host)));
	}

	OutboundDestinations(boolean allowPrivate, HostResolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/**
	 * Why the URL may not be requested, or empty when it may. A host that does not
	 * resolve is not refused here: the request itself fails and is retried.
	 */
	public Optional<String> refusal(URI url) {
		String host = url.getHost();
		if (host == null) {
			return Optional.of("The URL has no host");
		}
		List<InetAddress> addresses;
		try {
			addresses = this.resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			String why = refusal(address);
			if (why != null) {
				return Optional.of(host + " is " + why + " (" + address.getHostAddress()
						+ "); the platform does not send requests there");
			}
		}
		return Optional.empty();
	}

	private @Nullable String refusal(InetAddress given) {
		InetAddress address = unmapped(given);
		if (address.isAnyLocalAddress() || (address instanceof Inet4Address && address.getAddress()[0] == 0)) {
			return "the unspecified address";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address";
		}
		if (address.isMulticastAddress() || isBroadcast(address)) {
			return "a multicast or broadcast address";
		}
		if (!this.allowPrivate
				&& (address.isLoopbackAddress() || address.isSiteLocalAddress() || isSharedOrUniqueLocal(address))) {
			return "a loopback or private address";
		}
		return null;
	}

	/**
	 * An IPv4 address written as IPv6 ({@code ::ffff:a.b.c.d}) checked as the IPv4 one.
	 */
	private static InetAddress unmapped(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
				try {
					return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return address;
	}

	private static boolean isBroadcast(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address && bytes[0] == (byte) 255 && bytes[1] == (byte) 255
				&& bytes[2] == (byte) 255 && bytes[3] == (byte) 255;
	}

	/** 100.64.0.0/10 (carrier-grade NAT) and fc00::/7 (unique local IPv6). */
	private static boolean isSharedOrUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
		}
		return (bytes[0] & 0xfe) == 0xfc;
	}

	/** Looks a host name up; a seam for tests. */
	@FunctionalInterface
	interface HostResolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

}
