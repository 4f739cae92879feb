package io.towerline.mikrotik.ppp;

import java.time.Duration;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PppProfilesAndSessionsTests {

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V6_49).secrets(10).onlineShare(0.3));

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldListProfilesIncludingTheBuiltInOnes() {
		assertThat(this.router.pppProfiles().list()).extracting(PppProfile::name)
			.containsExactly("default", "default-encryption", "plan-10M", "plan-20M", "plan-50M");
		PppProfile plan = this.router.pppProfiles().find("plan-20M").orElseThrow();
		assertThat(plan.rateLimit()).isEqualTo("20M/20M");
		assertThat(plan.builtIn()).isFalse();
		assertThat(this.router.pppProfiles().find("default").orElseThrow().builtIn()).isTrue();
	}

	@Test
	void shouldPushPlansIdempotentlyAndRefuseRemovingBuiltIns() {
		PppProfileSpec gold = PppProfileSpec.plan("gold", "100M/100M", "10.0.0.1", "pool-gold");
		assertThat(this.router.pppProfiles().upsert(gold)).isTrue();
		assertThat(this.router.pppProfiles().upsert(gold.withComment("changed"))).isFalse();
		assertThat(this.under.simulator().profile("gold").orElseThrow()).containsEntry("rate-limit", "100M/100M")
			.containsEntry("comment", "changed");
		assertThat(this.router.pppProfiles().remove("gold")).isTrue();
		assertThatExceptionOfType(RouterCommandRejectedException.class)
			.isThrownBy(() -> this.router.pppProfiles().remove("default"))
			.withMessageContaining("can not remove default profile");
	}

	@Test
	void shouldListActiveSessionsAndKickOne() {
		assertThat(this.router.pppActive().list()).hasSize(3)
			.allSatisfy((session) -> assertThat(session.service()).isEqualTo(PppService.PPPOE));
		PppActiveSession session = this.router.pppActive().find("sub00002").orElseThrow();
		assertThat(session.callerId()).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
		assertThat(session.address()).startsWith("10.");
		assertThat(session.uptime()).isLessThan(Duration.ofMinutes(5));
		assertThat(this.router.pppActive().kick("sub00002")).isTrue();
		assertThat(this.router.pppActive().kick("sub00002")).isFalse();
		PppSecret secret = this.router.pppSecrets().find("sub00002").orElseThrow();
		assertThat(secret.lastDisconnectReason()).isNotEmpty();
		assertThat(secret.lastLoggedOut()).isNotNull();
		assertThat(this.router.pppSecrets().find("sub00009").orElseThrow().lastLoggedOut()).isNull();
	}

}
