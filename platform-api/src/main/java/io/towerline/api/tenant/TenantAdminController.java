package io.towerline.api.tenant;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.towerline.api.graphql.Pages;
import io.towerline.api.security.Role;
import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
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
 * Creating a tenant can create its first TENANT_ADMIN too (checked before the tenant is
 * onboarded); status and tier changes are written to the security event log. Creating a
 * tenant whose onboarding failed retries it; creating one that is already in service is a
 * DUPLICATE.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class TenantAdminController {

	private final TenantCatalog catalog;

	private final TenantOnboarding onboarding;

	private final UserDirectory users;

	private final SecurityEventLog audit;

	TenantAdminController(TenantCatalog catalog, TenantOnboarding onboarding, UserDirectory users,
			SecurityEventLog audit) {
		this.catalog = catalog;
		this.onboarding = onboarding;
		this.users = users;
		this.audit = audit;
	}

	@QueryMapping
	Window<Tenant> tenants(@Argument @Nullable String search, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.catalog.list(search, page.position(), page.size());
	}

	@MutationMapping
	TenantPayload createTenant(@Argument CreateTenantInput input) {
		try {
			NewTenantAdminInput admin = input.admin();
			if (admin != null) {
				this.users.checkNewUser(admin.username(), admin.email(), "admin.");
			}
			RateLimitTier tier = (input.rateLimitTier() != null) ? input.rateLimitTier() : RateLimitTier.STARTER;
			TenantOnboarding.Onboarded result = this.onboarding.onboard(input.slug(), input.displayName(), tier,
					input.cluster());
			if (result.alreadyOnboarded()) {
				return TenantPayload.failed(new FieldError("slug", ErrorCode.DUPLICATE,
						"A tenant with slug '" + input.slug() + "' already exists"));
			}
			if (admin == null) {
				return new TenantPayload(result.tenant(), List.of());
			}
			Issued<UserAccount> created = this.users.create(actor(), result.tenant().id(), admin.username(),
					admin.email(), Set.of(Role.TENANT_ADMIN.name()), null);
			return new TenantPayload(result.tenant(), List.of(), created.value(), created.secret());
		}
		catch (InvalidInputException ex) {
			return new TenantPayload(null, ex.errors());
		}
	}

	@MutationMapping
	TenantPayload suspendTenant(@Argument SuspendTenantInput input) {
		return change(input.slug(), (id) -> audited(SecurityEventType.TENANT_SUSPENDED,
				this.catalog.suspend(id, input.reason()), input.reason()));
	}

	@MutationMapping
	TenantPayload reactivateTenant(@Argument ReactivateTenantInput input) {
		return change(input.slug(),
				(id) -> audited(SecurityEventType.TENANT_REACTIVATED, this.catalog.reactivate(id), null));
	}

	@MutationMapping
	TenantPayload changeTenantRateLimitTier(@Argument ChangeTenantRateLimitTierInput input) {
		return change(input.slug(), (id) -> audited(SecurityEventType.TENANT_TIER_CHANGED,
				this.catalog.changeTier(id, input.rateLimitTier()), "tier " + input.rateLimitTier()));
	}

	private Tenant audited(SecurityEventType type, Tenant tenant, @Nullable String detail) {
		this.audit.record(type, tenant.id(), actor(), tenant.id().slug(), detail);
		return tenant;
	}

	private static Actor actor() {
		// the security event log has always named people by their bare subject
		return Actor.of(TowerlineAuthentication.current().getName());
	}

	private TenantPayload change(String slug, Function<TenantId, Tenant> change) {
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

	// cluster: tenant placement (issue 14, ADR 0173), declared in tenantmove.graphqls
	record CreateTenantInput(String slug, String displayName, @Nullable RateLimitTier rateLimitTier,
			@Nullable NewTenantAdminInput admin, @Nullable String cluster) {

	}

	record NewTenantAdminInput(String username, String email) {

	}

	record ChangeTenantRateLimitTierInput(String slug, RateLimitTier rateLimitTier) {

	}

	record SuspendTenantInput(String slug, @Nullable String reason) {

	}

	record ReactivateTenantInput(String slug) {

	}

	/**
	 * The admin and its password are set only when createTenant created the first admin.
	 */
	record TenantPayload(@Nullable Tenant tenant, List<FieldError> errors, @Nullable UserAccount admin,
			@Nullable String adminPassword) {

		TenantPayload(@Nullable Tenant tenant, List<FieldError> errors) {
			this(tenant, errors, null, null);
		}

		static TenantPayload failed(FieldError error) {
			return new TenantPayload(null, List.of(error));
		}

		@Override
		public String toString() {
			return "TenantPayload[" + this.tenant + ", " + this.errors + "]";
		}

	}

}
