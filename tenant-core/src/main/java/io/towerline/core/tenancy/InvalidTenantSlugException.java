package io.towerline.core.tenancy;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A tenant slug that does not follow the rules; raised before the value is used anywhere.
 */
public class InvalidTenantSlugException extends DomainException {

	public InvalidTenantSlugException(@Nullable String slug, String reason) {
		super(ErrorCode.INVALID_TENANT_SLUG, "Tenant slug " + describe(slug) + " " + reason);
	}

	private static String describe(@Nullable String slug) {
		if (slug == null) {
			return "(missing)";
		}
		String shown = (slug.length() > 48) ? slug.substring(0, 48) + "…" : slug;
		return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
	}

}
