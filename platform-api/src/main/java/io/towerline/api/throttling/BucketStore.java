package io.towerline.api.throttling;

import io.github.bucket4j.Bucket;

/** Where buckets live: in this process, or in a store shared by every replica. */
interface BucketStore {

	/**
	 * The bucket under {@code key}, created full with {@code allowance} when it does not
	 * exist yet. Cheap: shared stores touch the store only when the bucket is used.
	 */
	Bucket bucket(String key, Allowance allowance);

}
