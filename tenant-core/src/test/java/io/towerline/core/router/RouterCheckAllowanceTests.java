package io.towerline.core.router;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.router.RouterCheckAllowance.RouterChecksExhaustedException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The per-tenant allowance of connection checks (ADR 0212) on a clock the test moves. */
class RouterCheckAllowanceTests {

	final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T12:00:00Z"));

	final RouterCheckAllowance allowance = new RouterCheckAllowance(
			new RouterCheckProperties(30, Duration.ofSeconds(6)), this.clock);

	final TenantId alpha = TenantId.of("alpha-isp");

	final TenantId beta = TenantId.of("beta-isp");

	@Test
	void shouldAllowThirtyAtOnceAndRefuseTheNextWithTheSecondsToWait() {
		takeTimes(this.alpha, 30);
		assertThatExceptionOfType(RouterChecksExhaustedException.class).isThrownBy(() -> take(this.alpha))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.ROUTER_CHECKS_EXHAUSTED))
			.withMessageEndingWith("try again in 6 s");
		this.clock.advance(Duration.ofMillis(1_500));
		assertThatExceptionOfType(RouterChecksExhaustedException.class).isThrownBy(() -> take(this.alpha))
			.withMessageEndingWith("try again in 5 s");
	}

	@Test
	void shouldGiveOneCheckBackEverySixSeconds() {
		takeTimes(this.alpha, 30);
		this.clock.advance(Duration.ofSeconds(6));
		assertThatNoException().isThrownBy(() -> take(this.alpha));
		assertThatExceptionOfType(RouterChecksExhaustedException.class).isThrownBy(() -> take(this.alpha));
		this.clock.advance(Duration.ofSeconds(18));
		takeTimes(this.alpha, 3);
		assertThatExceptionOfType(RouterChecksExhaustedException.class).isThrownBy(() -> take(this.alpha));
	}

	@Test
	void shouldCountEachTenantOnItsOwn() {
		takeTimes(this.alpha, 30);
		takeTimes(this.beta, 30);
		assertThatExceptionOfType(RouterChecksExhaustedException.class).isThrownBy(() -> take(this.beta));
	}

	@Test
	void shouldForgetATenantOnceItsBucketWouldBeFullAgain() {
		takeTimes(this.alpha, 30);
		takeTimes(this.beta, 1);
		assertThat(this.allowance.tenantsTracked()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(30 * 6 - 5));
		take(this.beta);
		assertThat(this.allowance.tenantsTracked()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(7));
		// alpha untouched for a full refill (plus a second) is gone; beta was used since
		assertThat(this.allowance.tenantsTracked()).isEqualTo(1);
		// and a forgotten tenant starts with a full bucket again
		takeTimes(this.alpha, 30);
		assertThatExceptionOfType(RouterChecksExhaustedException.class).isThrownBy(() -> take(this.alpha));
	}

	private void takeTimes(TenantId tenant, int times) {
		for (int i = 0; i < times; i++) {
			take(tenant);
		}
	}

	private void take(TenantId tenant) {
		TenantContext.runAs(tenant, this.allowance::take);
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
