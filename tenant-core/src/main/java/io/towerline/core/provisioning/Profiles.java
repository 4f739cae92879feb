package io.towerline.core.provisioning;

import java.util.List;

import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanProfile;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.pool.IpPool;
import io.towerline.mikrotik.ppp.PppProfile;
import org.jspecify.annotations.Nullable;

/**
 * Makes sure a plan's PPP profile (and the address pool it manages) is on a router and
 * identical, touching the router only where it differs: a pool first, so that the profile
 * never refers to a pool that is not there.
 */
final class Profiles {

	private Profiles() {
	}

	/**
	 * @param poolRanges the ranges of the plan's managed pool on this router (its own or
	 * the plan's), null when the plan manages none
	 */
	static void ensure(RouterClient client, Plan plan, @Nullable String poolRanges) {
		ensurePool(client, plan, poolRanges);
		PppProfile current = client.pppProfiles().find(plan.profileName()).orElse(null);
		if (current != null && PlanProfile.differences(plan, current).isEmpty()) {
			return;
		}
		client.pppProfiles().upsert(SecretSpecs.profile(plan));
		if (current != null) {
			client.pppProfiles().unset(plan.profileName(), PlanProfile.toClear(plan, current));
		}
	}

	private static void ensurePool(RouterClient client, Plan plan, @Nullable String ranges) {
		String name = plan.profileSettings().remoteAddress();
		if (name == null || ranges == null) {
			return;
		}
		IpPool pool = client.ipPools().find(name).orElse(null);
		if (pool == null || !List.of(pool.ranges().replace(" ", "").split(",")).equals(List.of(ranges.split(",")))) {
			client.ipPools().upsert(name, ranges, "towerline:plan:" + plan.id());
		}
	}

}
