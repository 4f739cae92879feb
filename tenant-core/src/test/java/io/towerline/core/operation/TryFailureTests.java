package io.towerline.core.operation;

import java.time.Duration;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterTimeoutException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the operation's own failures spend attempts: every way of not getting through to
 * the router (each unreachable reason, refused login, timeout, broken protocol) is a wait
 * or a transient retry.
 */
class TryFailureTests {

	@ParameterizedTest
	@EnumSource(Reason.class)
	void shouldNeverSpendAnAttemptWhenTheRouterCannotBeReached(Reason reason) {
		TryFailure failure = TryFailure.of(new RouterUnreachableException("r:8728", reason, "gone", null));
		assertThat(failure.kind()).isNotEqualTo(TryFailure.Kind.OWN);
		assertThat(failure.code()).isEqualTo("ROUTER_UNREACHABLE");
		boolean routerDown = reason == Reason.CONNECT_FAILED || reason == Reason.CIRCUIT_OPEN
				|| reason == Reason.TLS_UNTRUSTED;
		assertThat(failure.kind()).isEqualTo(routerDown ? TryFailure.Kind.WAIT : TryFailure.Kind.TRANSIENT);
	}

	@Test
	void shouldWaitForCredentialsWhenTheLoginIsRefused() {
		TryFailure failure = TryFailure
			.of(new RouterAuthenticationException("r:8728", "invalid user name or password"));
		assertThat(failure.kind()).isEqualTo(TryFailure.Kind.WAIT);
		assertThat(failure.waitReason()).isEqualTo(WaitReason.ROUTER_AUTH_FAILED);
	}

	@Test
	void shouldRetryTimeoutsAndProtocolErrorsWithoutSpendingAnAttempt() {
		assertThat(TryFailure.of(new RouterTimeoutException("r:8728", "print", Duration.ofSeconds(15))).kind())
			.isEqualTo(TryFailure.Kind.TRANSIENT);
		assertThat(TryFailure.of(new RouterProtocolException("r:8728", "cut mid-sentence", null)).kind())
			.isEqualTo(TryFailure.Kind.TRANSIENT);
	}

	@Test
	void shouldSpendAnAttemptWhenTheRouterRefusesTheCommandOrThePlatformFails() {
		assertThat(TryFailure
			.of(new RouterCommandRejectedException("r:8728", "/ppp/secret/add", 1,
					"input does not match any value of profile"))
			.kind()).isEqualTo(TryFailure.Kind.OWN);
		assertThat(TryFailure.of(new IllegalStateException("bug")).kind()).isEqualTo(TryFailure.Kind.OWN);
	}

}
