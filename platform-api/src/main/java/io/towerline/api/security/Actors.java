package io.towerline.api.security;

import io.towerline.core.actor.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as recorded on operations and in the command audit log:
 * {@code client:<id>} for API clients (client-credentials tokens, whose subject is the
 * client id), {@code user:<subject>} for people.
 */
public final class Actors {

	private Actors() {
	}

	/** The current caller. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof TowerlineAuthentication caller) {
			String clientId = caller.getToken().getClaimAsString("client_id");
			if (clientId != null && clientId.equals(caller.getName())) {
				return Actor.client(clientId);
			}
			return Actor.user(caller.getName());
		}
		return Actor.UNKNOWN;
	}

}
