package io.towerline.core.provisioning;

import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanProfile;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.mikrotik.ppp.PppProfileSpec;
import io.towerline.mikrotik.ppp.PppSecretSpec;

/** The router objects that represent the platform's records. */
final class SecretSpecs {

	private SecretSpecs() {
	}

	/**
	 * The secret of a subscriber. The comment is written only when the platform owns it;
	 * otherwise it is left out, so that {@code add} and {@code set} leave the ISP's
	 * comment as it is.
	 */
	static PppSecretSpec secret(Subscriber subscriber, String password, Plan plan) {
		return PppSecretSpec.pppoe(subscriber.username(), password, plan.profileName())
			.withComment(subscriber.managedComment())
			.withDisabled(!subscriber.status().mayConnect());
	}

	static PppProfileSpec profile(Plan plan) {
		return PlanProfile.spec(plan);
	}

}
