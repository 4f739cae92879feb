package io.towerline.api.plan;

import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.RateLimit;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of plan operations. */
final class PlanInputs {

	private PlanInputs() {
	}

	record BurstInput(String downloadRate, String uploadRate, String downloadThreshold, String uploadThreshold,
			int seconds) {

	}

	record PlanInput(@Nullable UUID id, String name, @Nullable String profileName, String downloadRate,
			String uploadRate, @Nullable BurstInput burst, @Nullable UUID gracePlanId) {

		/**
		 * Builds the RouterOS rate-limit (upload/download order) and validates it like
		 * any rate-limit text.
		 */
		PlanDetails details() {
			StringBuilder text = new StringBuilder(this.uploadRate.strip() + "/" + this.downloadRate.strip());
			if (this.burst != null) {
				text.append(' ')
					.append(this.burst.uploadRate().strip())
					.append('/')
					.append(this.burst.downloadRate().strip())
					.append(' ')
					.append(this.burst.uploadThreshold().strip())
					.append('/')
					.append(this.burst.downloadThreshold().strip())
					.append(' ')
					.append(this.burst.seconds())
					.append('/')
					.append(this.burst.seconds());
			}
			return PlanDetails.of(this.name, this.profileName, RateLimit.parse(text.toString()), this.gracePlanId);
		}

	}

	record PlanPayload(@Nullable Plan plan, List<FieldError> errors) {

	}

}
