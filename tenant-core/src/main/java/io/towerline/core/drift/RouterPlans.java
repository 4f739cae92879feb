package io.towerline.core.drift;

import java.util.function.Consumer;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.PlanProfile;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.mikrotik.ppp.PppProfile;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan of a router's PPP profile: the existing plan with that profile name, or a new
 * plan named after the profile with its rate limit. Each new plan commits in its own
 * transaction, so that a profile the platform cannot take (no or an unparseable rate
 * limit, a name already used) is reported and never spoils the rest of an import.
 */
@Component
class RouterPlans {

	private final Plans plans;

	private final TransactionTemplate ownTransaction;

	RouterPlans(Plans plans, PlatformTransactionManager transactionManager) {
		this.plans = plans;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The plan for {@code profile}, created when missing. */
	Outcome planFor(PppProfile profile) {
		return planFor(profile, (created) -> {
		});
	}

	/**
	 * The plan for {@code profile}, created when missing; {@code onCreated} runs in the
	 * new plan's transaction (to record it with the plan, or not at all).
	 */
	Outcome planFor(PppProfile profile, Consumer<Plan> onCreated) {
		Plan existing = this.plans.findByProfileName(profile.name()).orElse(null);
		if (existing != null) {
			return new Outcome(existing, false, null);
		}
		if (profile.builtIn()) {
			return new Outcome(null, false, "built-in profile '" + profile.name() + "' is not a plan");
		}
		if (profile.rateLimit() == null || profile.rateLimit().isBlank()) {
			return new Outcome(null, false, "profile '" + profile.name() + "' has no rate-limit");
		}
		try {
			RateLimit rate = RateLimit.parse(profile.rateLimit());
			PlanDetails details = PlanDetails.of(profile.name(), profile.name(), rate, null,
					PlanProfile.settingsOf(profile));
			Plan created = this.ownTransaction.execute((tx) -> {
				Plan plan = this.plans.create(details);
				onCreated.accept(plan);
				return plan;
			});
			return new Outcome(created, true, null);
		}
		catch (InvalidInputException ex) {
			return new Outcome(null, false, "profile '" + profile.name() + "': " + reasons(ex));
		}
	}

	private static String reasons(InvalidInputException ex) {
		return String.join("; ", ex.errors().stream().map(FieldError::message).toList());
	}

	/**
	 * What became of one profile.
	 *
	 * @param plan the plan, or null when the profile cannot be a plan
	 * @param created whether the plan was created now
	 * @param problem why the profile cannot be a plan
	 */
	record Outcome(@Nullable Plan plan, boolean created, @Nullable String problem) {

	}

}
