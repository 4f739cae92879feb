package io.towerline.core.identity;

import java.util.Set;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class IdentityTests extends DatabaseTest {

	@Autowired
	UserDirectory users;

	@Autowired
	ApiClientRegistry clients;

	@Autowired
	SecurityEventLog audit;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldStoreOnlyAHashOfAGeneratedPassword() {
		TenantId tenant = tenant();
		Issued<UserAccount> issued = this.users.create(Actor.of("admin"), tenant, "Alice-" + tenant.slug(),
				"alice@example.com", Set.of("OPERATOR"), null);
		assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(issued.toString()).doesNotContain(issued.secret());
		assertThat(issued.value().username()).isEqualTo("alice-" + tenant.slug());
		String stored = this.jdbc.sql("SELECT password_hash FROM public.app_user WHERE id = ?")
			.param(issued.value().id())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{bcrypt}").doesNotContain(issued.secret());
		assertThat(this.passwords.matches(issued.secret(), stored)).isTrue();
	}

	@Test
	void shouldRefuseDuplicateUserNamesAndPlatformRolesInATenant() {
		TenantId tenant = tenant();
		String name = "bob-" + tenant.slug();
		this.users.create(Actor.of("admin"), tenant, name, "bob@example.com", Set.of("VIEWER"),
				"a long enough password");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.users.create(Actor.of("admin"), tenant(), name, "b@example.com", Set.of("VIEWER"), null))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE)));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.users.create(Actor.of("admin"),
				tenant, "carol-" + tenant.slug(), "c@example.com", Set.of("PLATFORM_ADMIN"), null));
	}

	@Test
	void shouldHideOneTenantsUsersAndClientsFromAnother() {
		TenantId a = tenant();
		TenantId b = tenant();
		UserAccount user = this.users
			.create(Actor.of("admin"), a, "dave-" + a.slug(), "d@example.com", Set.of("VIEWER"), null)
			.value();
		ApiClient client = this.clients.create(Actor.of("admin"), a, "Billing", Set.of("OPERATOR")).value();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.users.disable(Actor.of("admin"), b, user.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.clients.revoke(Actor.of("admin"), b, client.id()));
		assertThat(this.users.list(b, ScrollPosition.keyset(), 10)).isEmpty();
		assertThat(this.clients.list(b, ScrollPosition.keyset(), 10)).isEmpty();
		assertThat(this.users.get(a, user.id()).enabled()).isTrue();
		assertThat(this.clients.get(a, client.id()).revoked()).isFalse();
	}

	@Test
	void shouldRevokeClientsForGoodAndAuditIt() {
		TenantId tenant = tenant();
		Issued<ApiClient> issued = this.clients.create(Actor.of("admin"), tenant, "CRM", Set.of("VIEWER"));
		assertThat(issued.value().clientId()).startsWith("tl-");
		assertThat(issued.secret()).startsWith("tlcs_");
		ApiClient revoked = this.clients.revoke(Actor.of("admin"), tenant, issued.value().id());
		assertThat(revoked.revoked()).isTrue();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.clients.rotateSecret(Actor.of("admin"), tenant, issued.value().id()));
		assertThat(this.audit.list(tenant, null, ScrollPosition.keyset(), 10)).extracting((event) -> event.type())
			.containsExactly(SecurityEventType.CLIENT_REVOKED, SecurityEventType.CLIENT_CREATED);
		assertThat(this.clients.countActive(tenant)).isZero();
	}

	private TenantId tenant() {
		String slug = TestDatabase.uniqueSlug("idn");
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STARTER);
		return TenantId.of(slug);
	}

}
