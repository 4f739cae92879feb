package io.towerline.api.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.ProfileSettings;
import io.towerline.core.plan.RateLimit;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of plan operations. */
final class PlanInputs {

	private PlanInputs() {
	}

	record BurstInput(String downloadRate, String uploadRate, String downloadThreshold, String uploadThreshold,
			int seconds) {

	}

	/**
	 * A profile's settings as the caller writes them; timeouts in seconds.
	 */
	record ProfileSettingsInput(@Nullable String localAddress, @Nullable String remoteAddress,
			@Nullable String poolRanges, @Nullable List<String> dnsServers, @Nullable Boolean onlyOne,
			@Nullable String addressList, @Nullable String parentQueue, @Nullable Integer sessionTimeoutSeconds,
			@Nullable Integer idleTimeoutSeconds) {

		/** The settings; errors name {@code profile.<field>}. */
		ProfileSettings settings(List<FieldError> errors) {
			try {
				return ProfileSettings.of(this.localAddress, this.remoteAddress, this.poolRanges, this.dnsServers,
						this.onlyOne, this.addressList, this.parentQueue, seconds(this.sessionTimeoutSeconds),
						seconds(this.idleTimeoutSeconds));
			}
			catch (InvalidInputException ex) {
				ex.errors()
					.forEach((error) -> errors
						.add(new FieldError((error.field() != null) ? "profile." + error.field() : "profile",
								error.code(), error.message())));
				return ProfileSettings.NONE;
			}
		}

		private static @Nullable Duration seconds(@Nullable Integer seconds) {
			return (seconds != null) ? Duration.ofSeconds(seconds) : null;
		}

	}

	/**
	 * A plan as the caller writes it; {@code id} and {@code version} only when it is
	 * changed.
	 */
	record PlanInput(@Nullable UUID id, @Nullable Integer version, String name, @Nullable String profileName,
			String downloadRate, String uploadRate, @Nullable BurstInput burst, @Nullable UUID gracePlanId,
			@Nullable ProfileSettingsInput profile) {

		/**
		 * Reads every rate on its own field, so that an error names the field the caller
		 * wrote (never a RouterOS rate-limit they did not).
		 * @throws InvalidInputException listing every problem
		 */
		PlanDetails details() {
			List<FieldError> errors = new ArrayList<>();
			long download = rate(this.downloadRate, "downloadRate", errors);
			long upload = rate(this.uploadRate, "uploadRate", errors);
			RateLimit.Burst burst = null;
			if (this.burst != null) {
				burst = new RateLimit.Burst(rate(this.burst.uploadRate(), "burst.uploadRate", errors),
						rate(this.burst.downloadRate(), "burst.downloadRate", errors),
						rate(this.burst.uploadThreshold(), "burst.uploadThreshold", errors),
						rate(this.burst.downloadThreshold(), "burst.downloadThreshold", errors), this.burst.seconds());
			}
			ProfileSettings settings = (this.profile != null) ? this.profile.settings(errors) : ProfileSettings.NONE;
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return PlanDetails.of(this.name, this.profileName, new RateLimit(upload, download, burst), this.gracePlanId,
					settings);
		}

		private static long rate(String text, String field, List<FieldError> errors) {
			try {
				return RateLimit.rate(text, field);
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.errors());
				return 1;
			}
		}

	}

	record PlanPayload(@Nullable Plan plan, List<RouterOperation> operations, List<FieldError> errors) {

		static PlanPayload refused(List<FieldError> errors) {
			return new PlanPayload(null, List.of(), errors);
		}

	}

}
