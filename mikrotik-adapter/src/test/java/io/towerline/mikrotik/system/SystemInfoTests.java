package io.towerline.mikrotik.system;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same typed calls against each version profile: the shapes differ on the wire, not
 * in the records.
 */
class SystemInfoTests {

	@ParameterizedTest
	@EnumSource(SimulatorVersion.class)
	void shouldReadSystemInformationOnEveryVersion(SimulatorVersion version) {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(version).identity("pop-north-1"))) {
			SystemInfo system = under.client().system();
			SystemResource resource = system.resource();
			assertThat(resource.version().toString()).isEqualTo(version.versionString());
			assertThat(resource.totalMemory()).isGreaterThan(resource.freeMemory()).isPositive();
			assertThat(resource.uptime()).isPositive();
			assertThat(system.identity()).isEqualTo("pop-north-1");
			system.setIdentity("pop-south \"2\"");
			assertThat(under.simulator().identity()).isEqualTo("pop-south \"2\"");
			RouterCapabilities capabilities = under.client().capabilities();
			assertThat(capabilities.version()).isEqualTo(resource.version());
			switch (version) {
				case V6_49 -> {
					assertThat(capabilities.isoDates()).isFalse();
					assertThat(capabilities.fileTimestampField()).isEqualTo("creation-time");
					assertThat(system.packages()).hasSizeGreaterThan(5);
					assertThat(system.health()).contains(new HealthReading("voltage", "24.1", "V"));
					assertThat(system.routerboard().model()).isEqualTo("RB750Gr3");
				}
				case V7_16 -> {
					assertThat(capabilities.isoDates()).isTrue();
					assertThat(capabilities.sendsEmptyReplies()).isFalse();
					assertThat(capabilities.fileTimestampField()).isEqualTo("last-modified");
					assertThat(system.health()).contains(new HealthReading("temperature", "41", "C"));
					assertThat(system.routerboard().routerboard()).isTrue();
				}
				case V7_19 -> {
					assertThat(capabilities.sendsEmptyReplies()).isTrue();
					assertThat(capabilities.isChr()).isTrue();
					assertThat(system.packages()).extracting(InstalledPackage::name).containsExactly("routeros");
					assertThat(system.health()).isEmpty();
					assertThat(system.routerboard().routerboard()).isFalse();
				}
			}
		}
	}

}
