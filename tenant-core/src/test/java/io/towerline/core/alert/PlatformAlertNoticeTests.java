package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.towerline.core.actor.Actor;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.notification.EmbeddedMailServer;
import io.towerline.core.notification.EmbeddedMailServer.CaughtMail;
import io.towerline.core.notification.PlatformMail;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Platform alerts reach the platform admins by e-mail (caught by the embedded SMTP
 * server): once per alert, only enabled platform admins, and again after the relay
 * refused it.
 */
@SpringBootTest
class PlatformAlertNoticeTests extends DatabaseTest {

	@Autowired
	PlatformAlerts platformAlerts;

	@Autowired
	PlatformAlertNotices notices;

	@Autowired
	UserDirectory users;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcClient jdbc;

	final Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	/**
	 * The platform alert is one for the whole platform, and the real alert sweep of any
	 * test context in this JVM evaluates it from the tenants other tests left behind
	 * (routers that no longer answer): this test holds the sweep's recurring execution as
	 * picked while it runs, and starts from no unresolved alert.
	 */
	@BeforeEach
	void holdTheRealSweep() {
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.jdbc
				.sql("UPDATE public.scheduled_tasks SET picked = true, picked_by = 'PlatformAlertNoticeTests', "
						+ "last_heartbeat = now() WHERE task_name = 'alert-sweep' AND NOT picked")
				.update() == 1);
		this.platformAlerts.evaluate(this.start.plus(Duration.ofHours(1)), List.of());
	}

	@AfterEach
	void resolve() {
		this.jdbc
			.sql("UPDATE public.scheduled_tasks SET picked = false, picked_by = null WHERE task_name = 'alert-sweep' "
					+ "AND picked_by = 'PlatformAlertNoticeTests'")
			.update();
		this.mailServer.start();
		// the trouble goes away, so that no platform alert is left open for other tests
		this.platformAlerts.evaluate(this.start.plus(Duration.ofHours(1)), List.of());
		this.platformAlerts.evaluate(this.start.plus(Duration.ofHours(2)), List.of());
	}

	@Test
	void shouldMailAnOpenedPlatformAlertOnceToTheEnabledPlatformAdmins() {
		String admin = user(null, "PLATFORM_ADMIN", true);
		String disabledAdmin = user(null, "PLATFORM_ADMIN", false);
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("notice"));
		this.onboarding.onboard(tenant.slug(), "Notice", RateLimitTier.STARTER);
		String tenantAdmin = user(tenant, "TENANT_ADMIN", true);
		int before = platformMail().size();

		troubleAt(0);
		assertThat(this.notices.deliver(this.start)).as("pending: not open yet").isZero();
		troubleAt(5);
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(5)))).isEqualTo(1);
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(6)))).as("told once").isZero();
		troubleAt(7);
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(7)))).isZero();

		List<CaughtMail> mail = platformMail().subList(before, platformMail().size());
		// the server keeps one copy per recipient: sent once means one copy each
		assertThat(mail).extracting(CaughtMail::messageId).containsOnly(mail.get(0).messageId());
		assertThat(mail).hasSize(mail.get(0).to().split(", ").length);
		assertThat(mail.get(0)).satisfies((message) -> {
			assertThat(message.subject()).contains(PlatformAlerts.ROUTERS_UNREACHABLE);
			assertThat(message.body()).contains("4 tenants have most of their routers unreachable at once");
			assertThat(message.to()).contains(admin).doesNotContain(disabledAdmin).doesNotContain(tenantAdmin);
			assertThat(message.messageId()).contains(openAlert().toString());
		});
	}

	@Test
	void shouldMailAPlatformAlertAgainAfterTheRelayRefusedIt() {
		String admin = user(null, "PLATFORM_ADMIN", true);
		int before = platformMail().size();
		troubleAt(0);
		troubleAt(5);
		UUID alert = openAlert();
		this.mailServer.stop();
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(5)))).isZero();
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(6)))).isZero();
		assertThat(this.jdbc
			.sql("SELECT notice_attempts FROM public.platform_alert WHERE id = ? AND notified_at IS NULL"
					+ " AND notice_error IS NOT NULL")
			.param(alert)
			.query(Integer.class)
			.single()).isEqualTo(2);

		this.mailServer.start();
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(7)))).isEqualTo(1);
		List<CaughtMail> mail = platformMail().subList(before, platformMail().size());
		assertThat(mail).extracting(CaughtMail::messageId).containsOnly("<platform-alert-" + alert + "@towerline>");
		assertThat(mail).hasSize(mail.get(0).to().split(", ").length);
		assertThat(mail.get(0).to()).contains(admin);
		assertThat(this.notices.deliver(this.start.plus(Duration.ofMinutes(8)))).isZero();
	}

	/** Four tenants with most of their routers unreachable (three are enough). */
	private void troubleAt(int minute) {
		List<AlertSweeper.TenantSweep> troubled = IntStream.range(0, 4)
			.mapToObj((n) -> new AlertSweeper.TenantSweep(TenantId.of("troubled-" + n), List.of(), 0, 0, 10, 9,
					List.of()))
			.toList();
		this.platformAlerts.evaluate(this.start.plus(Duration.ofMinutes(minute)), troubled);
	}

	private UUID openAlert() {
		return this.platformAlerts.list(true, 10)
			.stream()
			.filter((alert) -> alert.kind().equals(PlatformAlerts.ROUTERS_UNREACHABLE))
			.filter((alert) -> alert.state().equals("OPEN"))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private String user(@Nullable TenantId realm, String role, boolean enabled) {
		String name = "u" + UUID.randomUUID().toString().substring(0, 12);
		UserAccount user = this.users
			.create(Actor.system("test"), realm, name, name + "@example.org", Set.of(role), "a-long-password-1")
			.value();
		if (!enabled) {
			this.users.disable(Actor.system("test"), realm, user.id());
		}
		return user.email();
	}

	private List<CaughtMail> platformMail() {
		return this.mailServer.caught(PlatformMail.PLATFORM);
	}

}
