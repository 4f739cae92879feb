package io.towerline.api.throttling;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.towerline.api.support.ApiTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared backend against the real PostgreSQL: two independent proxy instances (as two
 * replicas would hold) see and spend one bucket.
 */
class PostgresBucketsTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldShareOneBucketBetweenTwoReplicas() {
		String key = "t:shared-" + UUID.randomUUID() + ":100/1";
		Allowance allowance = new Allowance(100, 1);
		try (PostgresBuckets replicaA = new PostgresBuckets(this.dataSource);
				PostgresBuckets replicaB = new PostgresBuckets(this.dataSource)) {
			Bucket onA = replicaA.bucket(key, allowance);
			Bucket onB = replicaB.bucket(key, allowance);

			assertThat(onA.tryConsume(60)).isTrue();
			assertThat(onB.tryConsume(60)).isFalse();
			assertThat(onB.tryConsume(40)).isTrue();
			assertThat(onA.getAvailableTokens()).isLessThanOrEqualTo(1);
			assertThat(rows(key)).isEqualTo(1);
		}
	}

	@Test
	void shouldSweepBucketsThatWouldBeFullAgain() throws InterruptedException {
		String key = "t:sweep-" + UUID.randomUUID() + ":1/1";
		try (PostgresBuckets buckets = new PostgresBuckets(this.dataSource)) {
			assertThat(buckets.bucket(key, new Allowance(1, 1)).tryConsume(1)).isTrue();
			assertThat(rows(key)).isEqualTo(1);

			// the row expires once the bucket would be full again (1 s at 1 token/s)
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				buckets.sweep();
				assertThat(rows(key)).isZero();
			});

			assertThat(rows(key)).isZero();
		}
	}

	private long rows(String key) {
		return this.jdbc.sql("SELECT count(*) FROM " + PostgresBuckets.TABLE + " WHERE id = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

}
