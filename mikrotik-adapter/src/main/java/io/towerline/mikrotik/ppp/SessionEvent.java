package io.towerline.mikrotik.ppp;

/** A change in who is online, as streamed by {@link PppActiveSessions#watch}. */
public sealed interface SessionEvent {

	/** A session appeared or changed. */
	record Started(PppActiveSession session) implements SessionEvent {
	}

	/** The session with this {@code .id} is gone (the router reports only the id). */
	record Ended(String sessionId) implements SessionEvent {
	}

}
