package io.towerline.core.session;

/**
 * The {@code TenantEvent} types of live sessions. Published only for transitions the
 * tracker saw happen, never for what a tracker finds when it (re)starts.
 */
final class SessionEvents {

	/** A session came up; subject = the session id. */
	public static final String STARTED = "session.started";

	/** A session ended; subject = the session id, data has {@code reason}. */
	public static final String ENDED = "session.ended";

	private SessionEvents() {
	}

}
