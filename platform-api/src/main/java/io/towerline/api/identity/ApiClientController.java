package io.towerline.api.identity;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.api.graphql.Pages;
import io.towerline.api.security.Role;
import io.towerline.api.usage.RequestCounts;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.Issued;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * A tenant admin's API clients, always those of the admin's own tenant. A secret appears
 * once, in the payload of the mutation that generated it.
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class ApiClientController {

	private final ApiClientRegistry clients;

	private final RequestCounts requests;

	ApiClientController(ApiClientRegistry clients, RequestCounts requests) {
		this.clients = clients;
		this.requests = requests;
	}

	@QueryMapping
	Window<ApiClient> apiClients(ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.clients.list(TenantContext.require(), page.position(), page.size());
	}

	@MutationMapping
	ApiClientSecretPayload createApiClient(@Argument CreateApiClientInput input) {
		return issue(() -> this.clients.create(UserAdminController.actor(), TenantContext.require(), input.name(),
				UserAdminController.names(input.roles())));
	}

	@MutationMapping
	ApiClientSecretPayload rotateApiClientSecret(@Argument ApiClientInput input) {
		return issue(() -> this.clients.rotateSecret(UserAdminController.actor(), TenantContext.require(), input.id()));
	}

	@MutationMapping
	ApiClientPayload revokeApiClient(@Argument ApiClientInput input) {
		try {
			return new ApiClientPayload(
					this.clients.revoke(UserAdminController.actor(), TenantContext.require(), input.id()), List.of());
		}
		catch (InvalidInputException ex) {
			return new ApiClientPayload(null, ex.errors());
		}
	}

	@SchemaMapping(typeName = "ApiClient", field = "requestCount")
	int requestCount(ApiClient client) {
		return (int) Math.min(Integer.MAX_VALUE, this.requests.ofClient(client.tenant().slug(), client.clientId()));
	}

	private static ApiClientSecretPayload issue(Supplier<Issued<ApiClient>> issue) {
		try {
			Issued<ApiClient> issued = issue.get();
			return new ApiClientSecretPayload(issued.value(), issued.secret(), List.of());
		}
		catch (InvalidInputException ex) {
			return new ApiClientSecretPayload(null, null, ex.errors());
		}
	}

	record CreateApiClientInput(String name, List<Role> roles) {

	}

	record ApiClientInput(UUID id) {

	}

	record ApiClientSecretPayload(@Nullable ApiClient apiClient, @Nullable String clientSecret,
			List<FieldError> errors) {

		@Override
		public String toString() {
			return "ApiClientSecretPayload[" + this.apiClient + "]";
		}

	}

	record ApiClientPayload(@Nullable ApiClient apiClient, List<FieldError> errors) {

	}

}
