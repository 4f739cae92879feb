package io.towerline.core.plan;

import java.time.Instant;
import java.util.UUID;

/** Plans for unit tests that need no database. */
public final class TestPlans {

	private TestPlans() {
	}

	/** A plan with the given router profile name and RouterOS rate-limit text. */
	public static Plan plan(String profileName, String rateLimit) {
		return new Plan(UUID.randomUUID(), PlanDetails.of(profileName, profileName, RateLimit.parse(rateLimit), null),
				Instant.parse("2026-01-01T00:00:00Z"));
	}

}
