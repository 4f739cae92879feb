package io.towerline.core.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundDestinationsTests {

	private static final List<String> NEVER = List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
			"http://[::ffff:169.254.169.254]/", "http://0.0.0.0:22/", "http://0.1.2.3/", "http://[::]/",
			"http://224.0.0.1/", "http://255.255.255.255/");

	private static final List<String> PRIVATE = List.of("http://127.0.0.1:9/hooks", "http://[::1]:22/",
			"http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/", "http://[fc00::1]/",
			"http://[::ffff:127.0.0.1]/", "http://2130706433/");

	private static final List<String> PUBLIC = List.of("https://93.184.216.34/hooks", "http://[2001:db8::1]/",
			"http://100.128.0.1/", "http://172.32.0.1/");

	@Test
	void shouldNeverSendToLinkLocalUnspecifiedOrMulticastAddresses() {
		for (boolean allowPrivate : List.of(true, false)) {
			OutboundDestinations destinations = new OutboundDestinations(allowPrivate, OutboundDestinationsTests::real);
			for (String url : NEVER) {
				assertThat(destinations.refusal(URI.create(url))).as(url + " private allowed " + allowPrivate)
					.isPresent();
			}
		}
	}

	@Test
	void shouldSendToLoopbackAndPrivateNetworksOnlyWhenAllowed() {
		OutboundDestinations allowed = new OutboundDestinations(true, OutboundDestinationsTests::real);
		OutboundDestinations refused = new OutboundDestinations(false, OutboundDestinationsTests::real);
		for (String url : PRIVATE) {
			assertThat(allowed.refusal(URI.create(url))).as(url).isEmpty();
			assertThat(refused.refusal(URI.create(url))).as(url)
				.hasValueSatisfying((why) -> assertThat(why).contains("loopback or private"));
		}
		for (String url : PUBLIC) {
			assertThat(refused.refusal(URI.create(url))).as(url).isEmpty();
		}
	}

	@Test
	void shouldJudgeANameByEveryAddressItResolvesTo() {
		Map<String, List<String>> dns = Map.of("hooks.example", List.of("93.184.216.34"), "rebound.example",
				List.of("93.184.216.34", "169.254.169.254"), "inside.example", List.of("10.1.2.3"));
		OutboundDestinations destinations = new OutboundDestinations(false, (host) -> {
			List<String> addresses = dns.get(host);
			if (addresses == null) {
				throw new UnknownHostException(host);
			}
			return addresses.stream().map(OutboundDestinationsTests::real).map(List::getFirst).toList();
		});
		assertThat(destinations.refusal(URI.create("https://hooks.example/x"))).isEmpty();
		assertThat(destinations.refusal(URI.create("https://rebound.example/x")))
			.hasValueSatisfying((why) -> assertThat(why).contains("rebound.example").contains("169.254.169.254"));
		assertThat(destinations.refusal(URI.create("https://inside.example/x"))).isPresent();
		// a name that does not resolve now fails as a request, and is retried
		assertThat(destinations.refusal(URI.create("https://not-yet.example/x"))).isEmpty();
	}

	private static List<InetAddress> real(String host) {
		try {
			return List.of(InetAddress.getAllByName(host));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
