package io.towerline.api.throttling;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantBulkheadTests {

	@Test
	void shouldGiveEachTenantItsOwnShareOfRunningOperations() {
		TenantBulkhead bulkhead = new TenantBulkhead(2, Duration.ofMillis(20));

		assertThat(bulkhead.enter("noisy")).isTrue();
		assertThat(bulkhead.enter("noisy")).isTrue();
		assertThat(bulkhead.enter("noisy")).isFalse();
		assertThat(bulkhead.enter("quiet")).isTrue();
		assertThat(bulkhead.running("noisy")).isEqualTo(2);

		bulkhead.leave("noisy");

		assertThat(bulkhead.enter("noisy")).isTrue();
	}

	@Test
	void shouldLetAnOperationOverTheShareWaitForAPlace() throws Exception {
		TenantBulkhead bulkhead = new TenantBulkhead(1, Duration.ofSeconds(30));
		assertThat(bulkhead.enter("tenant")).isTrue();

		CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> bulkhead.enter("tenant"));
		bulkhead.leave("tenant");

		assertThat(waiting.get()).isTrue();
		assertThat(bulkhead.running("tenant")).isOne();
	}

	@Test
	void shouldBeOffWithAShareOfZero() {
		TenantBulkhead bulkhead = new TenantBulkhead(0, Duration.ZERO);

		for (int i = 0; i < 1_000; i++) {
			assertThat(bulkhead.enter("tenant")).isTrue();
		}
	}

	@Test
	void shouldRefuseEarlyOnlyWhatCannotFitYet() {
		RecentRefusals refusals = new RecentRefusals(Duration.ofMinutes(1));
		// 50 points asked, 10 left, 1 point per second back
		refusals.remember(new ReplayKey("Bearer a", bytes("{ big }")), "tenant", new Charge(50, 0, 10, 100, 1, 40));

		Charge again = refusals.refusal(new ReplayKey("Bearer a", bytes("{ big }")));

		assertThat(again).isNotNull();
		assertThat(again.throttled()).isTrue();
		assertThat(again.retryAfterSeconds()).isBetween(39L, 40L);
		assertThat(refusals.refusal(new ReplayKey("Bearer a", bytes("{ small }")))).isNull();
		assertThat(refusals.refusal(new ReplayKey("Bearer b", bytes("{ big }")))).isNull();
	}

	@Test
	void shouldStopRefusingEarlyOnceTheBucketCouldHoldTheRequest() {
		RecentRefusals refusals = new RecentRefusals(Duration.ofMinutes(1));
		ReplayKey key = new ReplayKey("Bearer a", bytes("{ big }"));
		// 50 asked, 49 left, 1,000 points per second back: fits after a millisecond
		refusals.remember(key, "tenant", new Charge(50, 0, 49, 100, 1_000, 1));

		Awaitility.await().until(() -> refusals.refusal(key) == null);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
