package io.towerline.api.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.api.graphql.Pages;
import io.towerline.api.security.TenantGate;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.operation.OperationListing;
import io.towerline.core.operation.OperationOrder;
import io.towerline.core.operation.OperationPolicies;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Operations: reads for every tenant role, retry for operators and tenant admins, live
 * updates for any reader.
 */
@Controller
class OperationController {

	private final RouterOperations operations;

	private final Routers routers;

	private final TenantGate tenants;

	private final OperationPolicies policies;

	private final OperationWatch watch;

	private final OperationListing listing;

	OperationController(RouterOperations operations, Routers routers, TenantGate tenants, OperationPolicies policies,
			OperationWatch watch, OperationListing listing) {
		this.listing = listing;
		this.policies = policies;
		this.operations = operations;
		this.routers = routers;
		this.tenants = tenants;
		this.watch = watch;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<RouterOperation> operations(@Argument @Nullable OperationStatus status,
			@Argument @Nullable UUID subscriberId, @Argument @Nullable OperationOrder orderBy,
			@Argument @Nullable Boolean descending, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		// newest first unless asked otherwise (the schema's default; null is the default
		// too)
		return this.listing.find(status, subscriberId, (orderBy != null) ? orderBy : OperationOrder.CREATED,
				!Boolean.FALSE.equals(descending), page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	RouterOperation operation(@Argument UUID id) {
		return this.operations.get(id);
	}

	@BatchMapping(typeName = "Operation", field = "router")
	Map<RouterOperation, Router> router(List<RouterOperation> operations) {
		Map<UUID, Router> byId = this.routers
			.getAll(operations.stream().map(RouterOperation::routerId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Router::id, Function.identity()));
		return operations.stream()
			.filter((operation) -> byId.containsKey(operation.routerId()))
			.collect(Collectors.toMap(Function.identity(), (operation) -> byId.get(operation.routerId())));
	}

	/**
	 * When waiting operations give up: the tenant's router wait counted from when each
	 * stopped getting through (one policy read per page).
	 */
	@BatchMapping(typeName = "Operation", field = "waitUntil")
	Map<RouterOperation, Instant> waitUntil(List<RouterOperation> operations) {
		Duration wait = this.policies.routerWait();
		return operations.stream()
			.filter((operation) -> operation.waitingSince() != null && !operation.status().isFinal())
			.collect(Collectors.toMap(Function.identity(),
					(operation) -> Objects.requireNonNull(operation.waitingSince()).plus(wait)));
	}

	@SchemaMapping(typeName = "Operation", field = "supersededBy")
	@Nullable RouterOperation supersededBy(RouterOperation operation) {
		UUID newer = operation.supersededBy();
		return (newer != null) ? this.operations.find(newer).orElse(null) : null;
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	OperationPayload retryOperation(@Argument RetryOperationInput input) {
		try {
			return new OperationPayload(this.operations.retry(input.id()), List.of());
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.INVALID_STATE) {
				return new OperationPayload(null, List.of(new FieldError("id", ex.code(), ex.getMessage())));
			}
			throw ex;
		}
	}

	/**
	 * Emits the operation now and on every change until it is final, from the replica's
	 * shared poll ({@link OperationWatch}).
	 */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<RouterOperation> operationUpdated(@Argument UUID id) {
		TenantId tenant = this.tenants.currentTenant();
		RouterOperation first = TenantContext.callAs(tenant, () -> this.operations.get(id));
		return this.watch.follow(tenant, first);
	}

	record RetryOperationInput(UUID id) {

	}

	record OperationPayload(@Nullable RouterOperation operation, List<FieldError> errors) {

	}

}
