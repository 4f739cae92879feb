package io.towerline.core.router;

import java.util.UUID;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class RoutersTests extends DatabaseTest {

	static RouterOsSimulator simulator;

	@Autowired
	Routers routers;

	@Autowired
	RouterHealthCheck healthCheck;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	CredentialVault vault;

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	@BeforeAll
	static void router() {
		simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.identity("core-1")
			.start();
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@BeforeEach
	void tenant() {
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("rt"));
		this.onboarding.onboard(this.tenant.slug(), "Routers", RateLimitTier.STARTER);
	}

	@Test
	void shouldSealThePasswordAndStoreOnlyAReference() {
		Router router = TenantContext.callAs(this.tenant,
				() -> this.routers.create(details("core-1", simulator.port()), "router-pass"));
		String stored = this.jdbc.sql("SELECT credential_ref FROM " + this.tenant.schemaName() + ".router WHERE id = ?")
			.param(router.id())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("router-pass");
		assertThat(this.vault.unseal(new SealedCredential(stored)).password())
			.containsExactly("router-pass".toCharArray());
	}

	@Test
	void shouldRecordOnlineHealthFromTheRouter() {
		Router checked = TenantContext.callAs(this.tenant, () -> {
			Router router = this.routers.create(details("core-1", simulator.port()), "router-pass");
			return this.healthCheck.check(router.id());
		});
		assertThat(checked.health().status()).isEqualTo(RouterStatus.ONLINE);
		assertThat(checked.health().identity()).isEqualTo("core-1");
		assertThat(checked.health().routerOsVersion()).startsWith("7.16");
		assertThat(checked.health().lastSeenAt()).isNotNull();
		assertThat(checked.health().uptimeSeconds()).isPositive();
	}

	@Test
	void aSweepProbesTheRoutersOfEveryTenant() {
		TenantId other = TenantId.of(TestDatabase.uniqueSlug("rt"));
		this.onboarding.onboard(other.slug(), "Routers", RateLimitTier.STARTER);
		Router mine = TenantContext.callAs(this.tenant,
				() -> this.routers.create(details("core-1", simulator.port()), "router-pass"));
		Router theirs = TenantContext.callAs(other,
				() -> this.routers.create(details("core-2", simulator.port()), "router-pass"));
		this.healthCheck.sweep(() -> false);
		assertThat(TenantContext.callAs(this.tenant, () -> this.routers.get(mine.id())).health().status())
			.isEqualTo(RouterStatus.ONLINE);
		assertThat(TenantContext.callAs(other, () -> this.routers.get(theirs.id())).health().status())
			.isEqualTo(RouterStatus.ONLINE);
	}

	@Test
	void aStoppingSchedulerStartsNoMoreProbes() {
		Router router = TenantContext.callAs(this.tenant,
				() -> this.routers.create(details("core-1", simulator.port()), "router-pass"));
		this.healthCheck.sweep(() -> true);
		assertThat(TenantContext.callAs(this.tenant, () -> this.routers.get(router.id())).health().lastCheckedAt())
			.isNull();
	}

	/**
	 * The platform's own probe of a router's health (the sweep's, every minute) is
	 * routine monitoring: it leaves no command-log row per read (ADR 0252).
	 */
	@Test
	void shouldLeaveNoCommandLogRowsForThePlatformsOwnProbe() {
		Router router = TenantContext.callAs(this.tenant,
				() -> this.routers.create(details("core-1", simulator.port()), "router-pass"));
		String logged = "SELECT count(*) FROM " + this.tenant.schemaName() + ".router_command_log";
		int before = this.jdbc.sql(logged).query(Integer.class).single();

		Router checked = TenantContext.callAs(this.tenant, () -> this.healthCheck.check(router.id()));

		assertThat(checked.health().status()).isEqualTo(RouterStatus.ONLINE);
		assertThat(this.jdbc.sql(logged).query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void shouldRecordAuthenticationFailure() {
		Router checked = TenantContext.callAs(this.tenant, () -> {
			Router router = this.routers.create(details("wrong-pass", simulator.port()), "not-the-password");
			return this.healthCheck.check(router.id());
		});
		assertThat(checked.health().status()).isEqualTo(RouterStatus.AUTH_FAILED);
		assertThat(checked.health().detail()).contains("ROUTER_AUTHENTICATION_FAILED");
	}

	@Test
	void shouldRecordUnreachableRouter() {
		Router checked = TenantContext.callAs(this.tenant, () -> {
			Router router = this.routers.create(details("gone", 1), "router-pass");
			return this.healthCheck.check(router.id());
		});
		assertThat(checked.health().status()).isEqualTo(RouterStatus.UNREACHABLE);
	}

	@Test
	void shouldUseTheNewCredentialsWhenThePasswordChanges() {
		TenantContext.runAs(this.tenant, () -> {
			Router router = this.routers.create(details("core-1", simulator.port()), "old-pass");
			String before = router.credentialReference();
			Router updated = this.routers.update(router.id(), details("core-1", simulator.port()), "router-pass");
			assertThat(updated.credentialReference()).isNotEqualTo(before);
			assertThat(this.vault.unseal(new SealedCredential(updated.credentialReference())).password())
				.containsExactly("router-pass".toCharArray());
			assertThat(this.healthCheck.check(router.id()).health().status()).isEqualTo(RouterStatus.ONLINE);
		});
	}

	@Test
	void shouldHideRoutersOfOtherTenants() {
		UUID id = TenantContext.callAs(this.tenant,
				() -> this.routers.create(details("private", simulator.port()), "router-pass").id());
		TenantId other = TenantId.of(TestDatabase.uniqueSlug("rt-other"));
		this.onboarding.onboard(other.slug(), "Other", RateLimitTier.STARTER);
		TenantContext.runAs(other, () -> {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.routers.get(id));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.routers.delete(id));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.healthCheck.check(id));
		});
		TenantContext.runAs(this.tenant, () -> assertThat(this.routers.get(id).name()).isEqualTo("private"));
	}

	@Test
	void shouldRejectBadConnectionDetails() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> RouterDetails.of("", "bad host!", 70000, false, "abc", null, ""))
			.satisfies((ex) -> assertThat(ex.errors()).extracting((e) -> e.field())
				.containsExactly("name", "host", "port", "certificateFingerprint", "username"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> RouterDetails.password("a\nb"));
	}

	private static RouterDetails details(String name, int port) {
		return RouterDetails.of(name, "127.0.0.1", port, false, null, null, "api");
	}

}
