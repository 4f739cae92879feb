package io.towerline.core.provisioning;

import java.util.Objects;

import io.towerline.core.plan.Plan;
import io.towerline.core.plan.RateLimit;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.ppp.PppProfile;

/**
 * Makes sure a plan's PPP profile is on a router and identical, touching the router only
 * when it differs.
 */
final class Profiles {

	private Profiles() {
	}

	static void ensure(RouterClient client, Plan plan) {
		PppProfile current = client.pppProfiles().find(plan.profileName()).orElse(null);
		if (current != null && sameRate(current.rateLimit(), plan.rateLimit())) {
			return;
		}
		client.pppProfiles().upsert(SecretSpecs.profile(plan));
	}

	private static boolean sameRate(String routerValue, RateLimit wanted) {
		if (routerValue == null || routerValue.isBlank()) {
			return false;
		}
		try {
			return Objects.equals(RateLimit.parse(routerValue), wanted);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
