package io.towerline.core.drift;

import org.jspecify.annotations.Nullable;

/**
 * One field of a drift item as the platform and the router see it. Passwords are never
 * shown: both values are null and the summary says that the password differs.
 *
 * @param field {@code profile}, {@code disabled}, {@code password}, {@code comment} or
 * {@code rateLimit}
 * @param platformValue the desired value, or null when the platform has none
 * @param routerValue the router's value, or null when the router has none
 */
public record DriftDifference(String field, @Nullable String platformValue, @Nullable String routerValue) {

	/** A sentence for people. */
	public String summary() {
		if (this.field.equals("password")) {
			return "password differs";
		}
		if (this.platformValue == null) {
			return this.field + " on the router is '" + this.routerValue + "'";
		}
		if (this.routerValue == null) {
			return this.field + " on the platform is '" + this.platformValue + "'";
		}
		return this.field + " is '" + this.routerValue + "' on the router, '" + this.platformValue
				+ "' on the platform";
	}

}
