package io.towerline.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.mikrotik.ppp.PppProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A plan's profile settings: validation, and how a router's profile is compared to them.
 */
class ProfileSettingsTests {

	@Test
	void shouldKeepValidSettingsNormalised() {
		ProfileSettings settings = ProfileSettings.of(" 10.0.0.1 ", "pool-home", "10.1.0.2-10.1.0.254, 10.2.0.0/24",
				List.of("1.1.1.1", " 8.8.8.8"), true, "subscribers", "uplink-total", Duration.ofHours(12),
				Duration.ofMinutes(30));
		assertThat(settings.localAddress()).isEqualTo("10.0.0.1");
		assertThat(settings.poolRanges()).isEqualTo("10.1.0.2-10.1.0.254,10.2.0.0/24");
		assertThat(settings.dnsServerText()).isEqualTo("1.1.1.1,8.8.8.8");
		assertThat(settings.managesPool()).isTrue();
	}

	@Test
	void shouldNameEveryFieldThatIsWrong() {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> ProfileSettings.of("10.0.0.256", "=remote", "10.0.0.9-10.0.0.2",
						List.of("1.1.1.1", "x", "9.9.9.9"), null, "bad,list", "q\nueue", Duration.ZERO,
						Duration.ofDays(366)));
		assertThat(ex.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("localAddress", "remoteAddress", "poolRanges", "dnsServers", "dnsServers",
					"addressList", "parentQueue", "sessionTimeout", "idleTimeout");
	}

	@Test
	void shouldRefusePoolRangesWithoutAPoolName() {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> ProfileSettings.of(null, "10.9.9.9", "10.1.0.0/24", null, null, null, null, null, null));
		assertThat(ex.errors()).extracting(FieldError::field).containsExactly("poolRanges");
	}

	@Test
	void shouldFindNoDifferenceWhenTheRouterHasExactlyThePlan() {
		Plan plan = plan(ProfileSettings.of("10.0.0.1", "pool-home", "10.1.0.0/24", List.of("1.1.1.1"), true, "subs",
				null, Duration.ofHours(1), null));
		PppProfile router = new PppProfile("*1", "home", "10.0.0.1", "pool-home", "5M/20M", "yes", Duration.ofHours(1),
				null, "subs", "1.1.1.1", null, "towerline", false);
		assertThat(PlanProfile.differences(plan, router)).isEmpty();
		assertThat(PlanProfile.toClear(plan, router)).isEmpty();
	}

	@Test
	void shouldReportEachDifferingFieldAndWhatToClear() {
		Plan plan = plan(ProfileSettings.of(null, "pool-home", null, List.of("1.1.1.1"), null, null, null, null, null));
		PppProfile router = new PppProfile("*1", "home", "10.0.0.1", "pool-other", "5M/25M", "no", null,
				Duration.ofMinutes(5), "", "1.1.1.1,8.8.8.8", "none", null, false);
		assertThat(PlanProfile.differences(plan, router)).extracting(PlanProfile.Difference::field)
			.containsExactlyInAnyOrder("rateLimit", "localAddress", "remoteAddress", "onlyOne", "dnsServers",
					"idleTimeout");
		assertThat(PlanProfile.toClear(plan, router)).containsExactlyInAnyOrder("local-address", "only-one",
				"idle-timeout");
	}

	@Test
	void shouldImportTheRoutersSettingsWithoutTakingItsPool() {
		PppProfile router = new PppProfile("*1", "home", "10.0.0.1", "pool-home", "5M/20M", "default",
				Duration.ofDays(1), null, "", "8.8.8.8", null, null, false);
		ProfileSettings settings = PlanProfile.settingsOf(router);
		assertThat(settings.remoteAddress()).isEqualTo("pool-home");
		assertThat(settings.managesPool()).isFalse();
		assertThat(settings.onlyOne()).isNull();
		assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofDays(1));
		assertThat(PlanProfile.differences(plan(settings), router)).isEmpty();
	}

	private static Plan plan(ProfileSettings settings) {
		return new Plan(UUID.randomUUID(), PlanDetails.of("Home", "home", RateLimit.parse("5M/20M"), null, settings),
				Instant.parse("2026-01-01T00:00:00Z"));
	}

}
