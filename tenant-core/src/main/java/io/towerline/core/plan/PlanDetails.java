package io.towerline.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A plan as the caller describes it, validated.
 *
 * @param name unique name shown to staff, 1 to 100 characters
 * @param profileName the PPP profile name on routers: letters, digits, '.', '_' and '-',
 * 1 to 64
 * @param rateLimit the rates
 * @param gracePlanId the plan a subscriber is moved to during the suspension flow's grace
 * period
 * @param settings what the profile sets besides the rate
 */
public record PlanDetails(String name, String profileName, RateLimit rateLimit, @Nullable UUID gracePlanId,
		ProfileSettings settings) {

	private static final Pattern PROFILE = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

	/**
	 * Validates raw input; the profile name defaults to the plan name with unsafe
	 * characters replaced.
	 * @throws InvalidInputException listing every problem
	 */
	public static PlanDetails of(@Nullable String name, @Nullable String profileName, RateLimit rateLimit,
			@Nullable UUID gracePlanId) {
		return of(name, profileName, rateLimit, gracePlanId, ProfileSettings.NONE);
	}

	/**
	 * Validates raw input with the profile's settings (already validated).
	 * @throws InvalidInputException listing every problem
	 */
	public static PlanDetails of(@Nullable String name, @Nullable String profileName, RateLimit rateLimit,
			@Nullable UUID gracePlanId, ProfileSettings settings) {
		List<FieldError> errors = new ArrayList<>();
		String cleanName = (name != null) ? name.strip() : "";
		if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.chars().anyMatch(Character::isISOControl)) {
			errors.add(FieldError.invalid("name", "The name must be 1 to 100 characters without control characters"));
		}
		// a given profile name reaches routers exactly as given; only the default derived
		// from the plan name is made safe
		String profile = (profileName != null && !profileName.isEmpty()) ? profileName
				: cleanName.replaceAll("[^A-Za-z0-9._-]+", "-");
		if (!PROFILE.matcher(profile).matches() || profile.equals("default") || profile.equals("default-encryption")) {
			errors.add(FieldError.invalid("profileName",
					"The profile name must be 1 to 64 letters, digits, '.', '_' or '-' and not a RouterOS default"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new PlanDetails(cleanName, profile, rateLimit, gracePlanId, settings);
	}

}
