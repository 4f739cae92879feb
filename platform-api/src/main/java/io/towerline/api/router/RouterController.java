package io.towerline.api.router;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.api.graphql.Pages;
import io.towerline.api.router.RouterInputs.CreateRouterInput;
import io.towerline.api.router.RouterInputs.DeleteRouterPayload;
import io.towerline.api.router.RouterInputs.RouterIdInput;
import io.towerline.api.router.RouterInputs.RouterPayload;
import io.towerline.api.router.RouterInputs.TestRouterConnectionPayload;
import io.towerline.api.router.RouterInputs.UpdateRouterInput;
import io.towerline.api.security.Actors;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.Pop;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.router.RouterListing;
import io.towerline.core.router.RouterOrder;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Reads for every tenant role, changes for operators and tenant admins, deletion for
 * tenant admins.
 */
@Controller
class RouterController {

	private final Routers routers;

	private final RouterHealthCheck healthCheck;

	private final PointsOfPresence pops;

	private final RouterListing listing;

	RouterController(Routers routers, RouterHealthCheck healthCheck, PointsOfPresence pops, RouterListing listing) {
		this.listing = listing;
		this.routers = routers;
		this.healthCheck = healthCheck;
		this.pops = pops;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<Router> routers(@Argument @Nullable RouterOrder orderBy, @Argument @Nullable Boolean descending,
			ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.listing.find((orderBy != null) ? orderBy : RouterOrder.NAME, Boolean.TRUE.equals(descending),
				page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Router router(@Argument UUID id) {
		return this.routers.get(id);
	}

	/** POPs of a page of routers in one query. */
	@BatchMapping(typeName = "Router", field = "pop")
	Map<Router, Pop> pop(List<Router> routers) {
		List<UUID> ids = routers.stream().map(Router::popId).filter(Objects::nonNull).distinct().toList();
		Map<UUID, Pop> byId = this.pops.getAll(ids).stream().collect(Collectors.toMap(Pop::id, Function.identity()));
		return routers.stream()
			.filter((router) -> router.popId() != null && byId.containsKey(router.popId()))
			.collect(Collectors.toMap(Function.identity(), (router) -> byId.get(router.popId())));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	RouterPayload createRouter(@Argument CreateRouterInput input) {
		try {
			return new RouterPayload(
					this.routers.create(input.details(), input.password(), input.verify(), Actors.current()),
					List.of());
		}
		catch (InvalidInputException ex) {
			return new RouterPayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	RouterPayload updateRouter(@Argument UpdateRouterInput input) {
		try {
			return new RouterPayload(this.routers.update(input.id(), input.details(), input.password(), input.verify(),
					Actors.current()), List.of());
		}
		catch (InvalidInputException ex) {
			return new RouterPayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	DeleteRouterPayload deleteRouter(@Argument RouterIdInput input) {
		try {
			this.routers.delete(input.id());
			return new DeleteRouterPayload(input.id(), List.of());
		}
		catch (InvalidInputException ex) {
			return new DeleteRouterPayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	TestRouterConnectionPayload testRouterConnection(@Argument RouterIdInput input) {
		return TestRouterConnectionPayload.of(this.healthCheck.checkOnRequest(input.id(), Actors.current()));
	}

}
