package io.towerline.core.subscriber;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.towerline.core.actor.Actor;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform confirming a secret on the router (PENDING → ACTIVE, from an operation
 * worker) and a staff change to the same subscriber made at that moment neither fail nor
 * undo each other.
 */
@SpringBootTest
class SubscriberConfirmationTests extends DatabaseTest {

	@Autowired
	Subscribers subscribers;

	@Autowired
	SubscriberRecords records;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldKeepAStaffChangeAndAConfirmationMadeAtTheSameTime() {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("confirm"));
		this.onboarding.onboard(tenant.slug(), "Confirm", RateLimitTier.STARTER);
		UUID[] ids = TenantContext.callAs(tenant, () -> {
			// nothing listens there: the subscriber stays PENDING until confirmed by hand
			UUID router = this.routers
				.create(RouterDetails.of("nowhere", "127.0.0.1", 1, false, null, null, "api"), "router-pass")
				.id();
			UUID home = this.plans.create(PlanDetails.of("Home", "home", RateLimit.parse("2M/10M"), null)).id();
			UUID fast = this.plans.create(PlanDetails.of("Fast", "fast", RateLimit.parse("10M/50M"), null)).id();
			UUID subscriber = this.subscribers
				.create(new SubscriberDraft("racer", "racer-pass", home, router, null,
						SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test"))
				.subscriber()
				.id();
			return new UUID[] { subscriber, fast };
		});
		UUID subscriber = ids[0];
		UUID fast = ids[1];

		TenantContext.callAs(tenant, () -> this.transactions.execute((status) -> {
			// staff read the subscriber (PENDING) ...
			assertThat(this.subscribers.get(subscriber).status()).isEqualTo(SubscriberStatus.PENDING);
			// ... the router confirms the secret meanwhile, in a transaction of its own
			// ...
			CompletableFuture.runAsync(() -> TenantContext.callAs(tenant, () -> {
				this.records.confirmed(List.of(subscriber));
				return null;
			})).join();
			// ... and staff change the plan on what they read
			return this.subscribers.changePlan(subscriber, fast, Actor.of("user:test"));
		}));

		Subscriber after = TenantContext.callAs(tenant, () -> this.subscribers.get(subscriber));
		assertThat(after.planId()).as("the staff change").isEqualTo(fast);
		assertThat(after.status()).as("the confirmation").isEqualTo(SubscriberStatus.ACTIVE);
	}

}
