package io.towerline.mikrotik.pool;

import java.time.Duration;
import java.util.List;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppProfileSpec;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Address pools and the profile settings plans carry: written, read back, changed and
 * cleared ({@code unset}) through the typed API.
 */
class IpPoolsAndProfileSettingsTests {

	private final RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19));

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldAddChangeAndRemoveAPool() {
		assertThat(this.router.ipPools().upsert("pool-gold", "10.9.0.2-10.9.0.254", "towerline:plan:x")).isTrue();
		assertThat(this.router.ipPools().upsert("pool-gold", "10.9.0.0/23,10.10.0.0/24", null)).isFalse();
		IpPool pool = this.router.ipPools().find("pool-gold").orElseThrow();
		assertThat(pool.ranges()).isEqualTo("10.9.0.0/23,10.10.0.0/24");
		assertThat(pool.comment()).isEqualTo("towerline:plan:x");
		assertThat(this.router.ipPools().list()).extracting(IpPool::name).contains("pool-subscribers", "pool-gold");
		assertThat(this.router.ipPools().remove("pool-gold")).isTrue();
		assertThat(this.router.ipPools().find("pool-gold")).isEmpty();
	}

	@Test
	void shouldRefuseRangesThatAreNotRanges() {
		for (String ranges : List.of("", "10.0.0.300", "10.0.0.0/33", "10.0.0.1-", "pool")) {
			assertThatExceptionOfType(RouterCommandRejectedException.class)
				.isThrownBy(() -> this.router.ipPools().upsert("pool-bad", ranges, null));
		}
	}

	@Test
	void shouldWriteEveryPlanSettingAndClearThemOneByOne() {
		PppProfileSpec spec = PppProfileSpec.named("fibre")
			.withRateLimit("20M/100M")
			.withAddresses("10.50.0.1", "pool-subscribers")
			.withOnlyOne("yes")
			.withDnsServer("1.1.1.1,9.9.9.9")
			.withQueueing("fibre-subscribers", "uplink")
			.withTimeouts(Duration.ofHours(36), Duration.ofSeconds(90));
		this.router.pppProfiles().upsert(spec);
		PppProfile profile = this.router.pppProfiles().find("fibre").orElseThrow();
		assertThat(profile.localAddress()).isEqualTo("10.50.0.1");
		assertThat(profile.remoteAddress()).isEqualTo("pool-subscribers");
		assertThat(profile.onlyOne()).isEqualTo("yes");
		assertThat(profile.dnsServer()).isEqualTo("1.1.1.1,9.9.9.9");
		assertThat(profile.addressList()).isEqualTo("fibre-subscribers");
		assertThat(profile.parentQueue()).isEqualTo("uplink");
		assertThat(profile.sessionTimeout()).isEqualTo(Duration.ofHours(36));
		assertThat(profile.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(this.under.simulator().profile("fibre").orElseThrow()).containsEntry("session-timeout", "1d12h")
			.containsEntry("idle-timeout", "1m30s");

		assertThat(this.router.pppProfiles()
			.unset("fibre", List.of("dns-server", "only-one", "address-list", "parent-queue", "session-timeout",
					"idle-timeout")))
			.isTrue();
		PppProfile cleared = this.router.pppProfiles().find("fibre").orElseThrow();
		assertThat(cleared.dnsServer()).isNull();
		assertThat(cleared.onlyOne()).isEqualTo("default");
		assertThat(cleared.addressList()).isEmpty();
		assertThat(cleared.parentQueue()).isNull();
		assertThat(cleared.sessionTimeout()).isNull();
		assertThat(cleared.idleTimeout()).isNull();
		assertThat(cleared.rateLimit()).isEqualTo("20M/100M");
		assertThat(this.router.pppProfiles().unset("absent", List.of("dns-server"))).isFalse();
	}

	@Test
	void shouldRefuseToUnsetWhatTheMenuDoesNotHave() {
		this.router.pppProfiles().upsert(PppProfileSpec.named("plain"));
		assertThatExceptionOfType(RouterCommandRejectedException.class)
			.isThrownBy(() -> this.router.pppProfiles().unset("plain", List.of("no-such-property")));
	}

}
