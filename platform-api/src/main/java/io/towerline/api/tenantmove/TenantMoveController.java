package io.towerline.api.tenantmove;

import java.util.List;

import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.core.actor.Actor;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.InvalidTenantSlugException;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenantmove.TenantMove;
import io.towerline.core.tenantmove.TenantMoves;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Platform admins only: tenant admins cannot see clusters nor move their tenant. Problems
 * the admin can fix (an unknown cluster or tenant, a tenant that cannot move now) come
 * back as payload errors.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class TenantMoveController {

	private final TenantMoves moves;

	private final TenantClusters clusters;

	TenantMoveController(TenantMoves moves, TenantClusters clusters) {
		this.moves = moves;
		this.clusters = clusters;
	}

	@QueryMapping
	List<String> clusters() {
		return List.copyOf(this.clusters.names());
	}

	@QueryMapping
	@Nullable TenantMove tenantMove(@Argument String slug) {
		try {
			return this.moves.latest(TenantId.of(slug)).orElse(null);
		}
		catch (InvalidTenantSlugException ex) {
			// no tenant can have that slug, so no move either
			return null;
		}
	}

	@MutationMapping
	TenantMovePayload moveTenant(@Argument MoveTenantInput input) {
		try {
			Actor actor = Actor.of(TowerlineAuthentication.current().getName());
			return new TenantMovePayload(this.moves.request(TenantId.of(input.slug()), input.toCluster(), actor),
					List.of());
		}
		catch (InvalidInputException ex) {
			return new TenantMovePayload(null, ex.errors());
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND || ex.code() == ErrorCode.INVALID_STATE
					|| ex instanceof InvalidTenantSlugException) {
				return new TenantMovePayload(null, List.of(new FieldError("slug", ex.code(), ex.getMessage())));
			}
			throw ex;
		}
	}

	@SchemaMapping(typeName = "TenantMove")
	String tenant(TenantMove move) {
		return move.tenant().slug();
	}

	record MoveTenantInput(String slug, String toCluster) {

	}

	record TenantMovePayload(@Nullable TenantMove move, List<FieldError> errors) {

	}

}
