package io.towerline.api.throttling;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/**
 * Buckets in this process (lock-free Bucket4j buckets in a map). A bucket untouched for
 * longer than the slowest bucket takes to refill is full, so dropping it loses nothing.
 */
final class LocalBuckets implements BucketStore {

	private final Cache<String, Bucket> buckets;

	LocalBuckets(Duration idleAfterFull) {
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(idleAfterFull.plusSeconds(1))
			.maximumSize(1_000_000)
			.build();
	}

	@Override
	public Bucket bucket(String key, Allowance allowance) {
		return this.buckets.get(key, (missing) -> Bucket.builder().addLimit(allowance.bandwidth()).build());
	}

}
