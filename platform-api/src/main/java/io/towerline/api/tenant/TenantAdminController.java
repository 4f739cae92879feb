package io.towerline.api.tenant;

import java.util.List;

import io.towerline.api.graphql.Pages;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.InvalidTenantSlugException;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.Tenant;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Platform admins only. Tenant problems the admin can fix come back as payload errors.
 * Creating a tenant whose onboarding failed retries it; creating one that is already in
 * service is a DUPLICATE.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class TenantAdminController {

	private final TenantCatalog catalog;

	private final TenantOnboarding onboarding;

	TenantAdminController(TenantCatalog catalog, TenantOnboarding onboarding) {
		this.catalog = catalog;
		this.onboarding = onboarding;
	}

	@QueryMapping
	Window<Tenant> tenants(ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.catalog.list(page.position(), page.size());
	}

	@MutationMapping
	TenantPayload createTenant(@Argument CreateTenantInput input) {
		try {
			RateLimitTier tier = (input.rateLimitTier() != null) ? input.rateLimitTier() : RateLimitTier.STARTER;
			TenantOnboarding.Onboarded result = this.onboarding.onboard(input.slug(), input.displayName(), tier);
			if (result.alreadyOnboarded()) {
				return TenantPayload.failed(new FieldError("slug", ErrorCode.DUPLICATE,
						"A tenant with slug '" + input.slug() + "' already exists"));
			}
			return new TenantPayload(result.tenant(), List.of());
		}
		catch (InvalidInputException ex) {
			return new TenantPayload(null, ex.errors());
		}
	}

	@MutationMapping
	TenantPayload suspendTenant(@Argument SuspendTenantInput input) {
		return change(input.slug(), (id) -> this.catalog.suspend(id, input.reason()));
	}

	@MutationMapping
	TenantPayload reactivateTenant(@Argument ReactivateTenantInput input) {
		return change(input.slug(), this.catalog::reactivate);
	}

	private TenantPayload change(String slug, java.util.function.Function<TenantId, Tenant> change) {
		try {
			return new TenantPayload(change.apply(TenantId.of(slug)), List.of());
		}
		catch (InvalidTenantSlugException ex) {
			return TenantPayload.failed(new FieldError("slug", ex.code(), ex.getMessage()));
		}
		catch (InvalidInputException ex) {
			return new TenantPayload(null, ex.errors());
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND || ex.code() == ErrorCode.INVALID_STATE) {
				return TenantPayload.failed(new FieldError("slug", ex.code(), ex.getMessage()));
			}
			throw ex;
		}
	}

	record CreateTenantInput(String slug, String displayName, @Nullable RateLimitTier rateLimitTier) {

	}

	record SuspendTenantInput(String slug, @Nullable String reason) {

	}

	record ReactivateTenantInput(String slug) {

	}

	record TenantPayload(@Nullable Tenant tenant, List<FieldError> errors) {

		static TenantPayload failed(FieldError error) {
			return new TenantPayload(null, List.of(error));
		}

	}

}
