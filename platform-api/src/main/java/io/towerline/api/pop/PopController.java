package io.towerline.api.pop;

import java.util.List;
import java.util.UUID;

import io.towerline.api.graphql.Pages;
import io.towerline.api.pop.PopInputs.CreatePopInput;
import io.towerline.api.pop.PopInputs.DeletePopInput;
import io.towerline.api.pop.PopInputs.DeletePopPayload;
import io.towerline.api.pop.PopInputs.PopPayload;
import io.towerline.api.pop.PopInputs.UpdatePopInput;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.Pop;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Reads are for every tenant role; changes for operators and tenant admins. An id of
 * another tenant's POP is reported as NOT_FOUND, exactly like an id that does not exist.
 */
@Controller
class PopController {

	private final PointsOfPresence pops;

	PopController(PointsOfPresence pops) {
		this.pops = pops;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<Pop> pops(ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.pops.list(page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Pop pop(@Argument UUID id) {
		return this.pops.get(id);
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	PopPayload createPop(@Argument CreatePopInput input) {
		try {
			return PopPayload.of(this.pops.create(input.details()));
		}
		catch (InvalidInputException ex) {
			return PopPayload.failed(ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	PopPayload updatePop(@Argument UpdatePopInput input) {
		try {
			return PopPayload.of(this.pops.update(input.id(), input.details()));
		}
		catch (InvalidInputException ex) {
			return PopPayload.failed(ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	DeletePopPayload deletePop(@Argument DeletePopInput input) {
		try {
			this.pops.delete(input.id());
			return new DeletePopPayload(input.id(), List.of());
		}
		catch (InvalidInputException ex) {
			return new DeletePopPayload(null, ex.errors());
		}
	}

}
