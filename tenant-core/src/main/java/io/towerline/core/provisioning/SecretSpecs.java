package io.towerline.core.provisioning;

import io.towerline.core.plan.Plan;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.mikrotik.ppp.PppProfileSpec;
import io.towerline.mikrotik.ppp.PppSecretSpec;

/** The router objects that represent the platform's records. */
final class SecretSpecs {

	private SecretSpecs() {
	}

	static PppSecretSpec secret(Subscriber subscriber, String password, Plan plan) {
		return PppSecretSpec.pppoe(subscriber.username(), password, plan.profileName())
			.withComment(subscriber.routerComment())
			.withDisabled(!subscriber.status().mayConnect());
	}

	static PppProfileSpec profile(Plan plan) {
		return new PppProfileSpec(plan.profileName(), plan.rateLimit().toRouterOs(), null, null, null,
				"towerline:plan:" + plan.id());
	}

}
