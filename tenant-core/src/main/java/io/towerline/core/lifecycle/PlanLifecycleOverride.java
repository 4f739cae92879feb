package io.towerline.core.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What one plan does differently from the tenant's policy (its grace plan is the plan's
 * own {@code gracePlanId}).
 *
 * @param planId the plan
 * @param noticeDays the plan's notice days, or null for the tenant's
 * @param graceDays the plan's grace days, or null for the tenant's
 */
public record PlanLifecycleOverride(UUID planId, @Nullable List<Integer> noticeDays, @Nullable Integer graceDays) {

	public PlanLifecycleOverride {
		if (noticeDays != null) {
			noticeDays = noticeDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
		}
	}

	PlanLifecycleOverride validated() {
		List<FieldError> errors = new ArrayList<>();
		if (this.noticeDays != null) {
			LifecyclePolicy.checkNoticeDays(this.noticeDays, "noticeDays", errors);
		}
		if (this.graceDays != null) {
			LifecyclePolicy.checkGraceDays(this.graceDays, "graceDays", errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return this;
	}

}
