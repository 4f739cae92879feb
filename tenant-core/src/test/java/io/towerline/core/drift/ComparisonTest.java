package io.towerline.core.drift;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.towerline.core.plan.Plan;
import io.towerline.core.plan.TestPlans;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.TestSubscribers;
import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppSecret;
import io.towerline.mikrotik.ppp.PppService;
import org.jspecify.annotations.Nullable;

/**
 * Base of the drift comparison tests: two plans, the subscribers and router objects to
 * compare, and the comparison itself without a database or a router.
 */
abstract class ComparisonTest {

	static final Function<Subscriber, String> PASSWORDS = (subscriber) -> "pw-" + subscriber.username();

	final Plan basic = TestPlans.plan("basic", "10M/20M");

	final Plan premium = TestPlans.plan("premium", "50M/100M 60M/120M 40M/80M 10/10");

	List<DriftItem> compare(List<Subscriber> subscribers, List<PppSecret> secrets, List<PppProfile> profiles) {
		return DriftComparison.compare(subscribers, plans(), secrets, profiles, PASSWORDS);
	}

	Map<UUID, Plan> plans() {
		return Map.of(this.basic.id(), this.basic, this.premium.id(), this.premium);
	}

	static Subscriber active(String username, Plan plan) {
		return TestSubscribers.created(username, plan.id(), SubscriberStatus.ACTIVE);
	}

	static PppSecret inSync(Subscriber subscriber, Plan plan) {
		return secret(subscriber.username(), PASSWORDS.apply(subscriber), plan.profileName(),
				!subscriber.status().mayConnect(), subscriber.managedComment());
	}

	static PppSecret secret(String name, String password, String profile, boolean disabled, @Nullable String comment) {
		return new PppSecret("*" + name, name, password, PppService.PPPOE, profile, "", null, null, disabled, comment,
				null, "", "");
	}

	static PppProfile profile(String name, @Nullable String rateLimit) {
		return new PppProfile("*" + name, name, null, null, rateLimit, "default", null, null, "", null, null, null,
				false);
	}

}
