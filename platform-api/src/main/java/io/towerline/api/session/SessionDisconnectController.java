package io.towerline.api.session;

import java.util.List;
import java.util.UUID;

import io.towerline.api.security.Actors;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.session.SessionDisconnect;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Kicking a session, for operators and tenant admins. */
@Controller
class SessionDisconnectController {

	private final SessionDisconnect disconnect;

	SessionDisconnectController(SessionDisconnect disconnect) {
		this.disconnect = disconnect;
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	Payload disconnectSession(@Argument Input input) {
		try {
			return new Payload(this.disconnect.disconnect(input.sessionId(), Actors.current()), List.of());
		}
		catch (NotFoundException ex) {
			return new Payload(null, List.of(new FieldError("sessionId", ex.code(), ex.getMessage())));
		}
	}

	record Input(UUID sessionId) {

	}

	record Payload(@Nullable RouterOperation operation, List<FieldError> errors) {

	}

}
