package io.towerline.api.security;

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
	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof TowerlineAuthentication caller) {
			String clientId = caller.getToken().getClaimAsString("client_id");
			if (clientId != null && clientId.equals(caller.getName())) {
				return "client:" + clientId;
			}
			return "user:" + caller.getName();
		}
		return "system:unknown";
	}

}
