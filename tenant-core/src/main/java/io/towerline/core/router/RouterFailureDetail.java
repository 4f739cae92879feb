package io.towerline.core.router;

import java.util.ArrayList;
import java.util.List;

/**
 * A router failure with every cause, for the platform's own log: what the tenant is not
 * shown (ADR 0212) is what an operator of the platform needs to tell a refused port from
 * a timeout.
 */
final class RouterFailureDetail {

	private RouterFailureDetail() {
	}

	static String of(Throwable failure) {
		List<String> parts = new ArrayList<>();
		for (Throwable cause = failure; cause != null
				&& parts.size() < 8; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			parts.add(message.strip().replaceAll("\\s*\\R\\s*", " "));
		}
		return String.join(" <- ", parts);
	}

}
