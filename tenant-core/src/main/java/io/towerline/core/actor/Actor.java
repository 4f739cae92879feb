package io.towerline.core.actor;

/**
 * Who asked for a change, in the stable form stored in the database and shown in the
 * audit logs: {@code user:<subject>} for people, {@code client:<id>} for API clients and
 * {@code system:<component>} for the platform's own work. The stored form is kept
 * verbatim, so rows written before this type existed read back unchanged.
 *
 * @param value the stored form
 */
public record Actor(String value) {

	/** Who acts when nobody authenticated can be named. */
	public static final Actor UNKNOWN = system("unknown");

	public Actor {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("an actor must be named");
		}
	}

	/** A person, by the subject of their sign-in. */
	public static Actor user(String subject) {
		return new Actor("user:" + subject);
	}

	/** An API client (client-credentials token), by its client id. */
	public static Actor client(String clientId) {
		return new Actor("client:" + clientId);
	}

	/** The platform's own work, by the component that does it. */
	public static Actor system(String component) {
		return new Actor("system:" + component);
	}

	/** An actor read back in its stored form. */
	public static Actor of(String stored) {
		return new Actor(stored);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
