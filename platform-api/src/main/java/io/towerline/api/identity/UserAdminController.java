package io.towerline.api.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.towerline.api.graphql.Pages;
import io.towerline.api.security.Role;
import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * A tenant admin's users: always those of the admin's own tenant (bound from the token),
 * so another tenant's user is NOT_FOUND. Generated passwords appear once in the payload.
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class UserAdminController {

	private final UserDirectory users;

	UserAdminController(UserDirectory users) {
		this.users = users;
	}

	@QueryMapping
	Window<UserAccount> users(ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.users.list(TenantContext.require(), page.position(), page.size());
	}

	@MutationMapping
	CreateUserPayload createUser(@Argument CreateUserInput input) {
		try {
			Issued<UserAccount> created = this.users.create(actor(), TenantContext.require(), input.username(),
					input.email(), names(input.roles()), null);
			return new CreateUserPayload(created.value(), created.secret(), List.of());
		}
		catch (InvalidInputException ex) {
			return new CreateUserPayload(null, null, ex.errors());
		}
	}

	@MutationMapping
	UserPayload disableUser(@Argument UserInput input) {
		return change(() -> this.users.disable(actor(), TenantContext.require(), input.id()));
	}

	@MutationMapping
	UserPayload enableUser(@Argument UserInput input) {
		return change(() -> this.users.enable(actor(), TenantContext.require(), input.id()));
	}

	@MutationMapping
	UserPayload changeUserRoles(@Argument ChangeUserRolesInput input) {
		return change(() -> this.users.changeRoles(actor(), TenantContext.require(), input.id(), names(input.roles())));
	}

	@MutationMapping
	ResetUserPasswordPayload resetUserPassword(@Argument UserInput input) {
		try {
			Issued<UserAccount> reset = this.users.resetPassword(actor(), TenantContext.require(), input.id());
			return new ResetUserPasswordPayload(reset.value(), reset.secret(), List.of());
		}
		catch (InvalidInputException ex) {
			return new ResetUserPasswordPayload(null, null, ex.errors());
		}
	}

	private static UserPayload change(Supplier<UserAccount> change) {
		try {
			return new UserPayload(change.get(), List.of());
		}
		catch (InvalidInputException ex) {
			return new UserPayload(null, ex.errors());
		}
	}

	static Actor actor() {
		// the security event log has always named people by their bare subject
		return Actor.of(TowerlineAuthentication.current().getName());
	}

	static Set<String> names(List<Role> roles) {
		return roles.stream().map(Role::name).collect(Collectors.toSet());
	}

	/**
	 * No password: admins never choose one for someone else, and it never travels in
	 * variables.
	 */
	record CreateUserInput(String username, String email, List<Role> roles) {

	}

	record UserInput(UUID id) {

	}

	record ChangeUserRolesInput(UUID id, List<Role> roles) {

	}

	record CreateUserPayload(@Nullable UserAccount user, @Nullable String initialPassword, List<FieldError> errors) {

		@Override
		public String toString() {
			return "CreateUserPayload[" + this.user + "]";
		}

	}

	record UserPayload(@Nullable UserAccount user, List<FieldError> errors) {

	}

	record ResetUserPasswordPayload(@Nullable UserAccount user, @Nullable String temporaryPassword,
			List<FieldError> errors) {

		@Override
		public String toString() {
			return "ResetUserPasswordPayload[" + this.user + "]";
		}

	}

}
