package io.towerline.core.usage;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Whose usage to add up. */
public record UsageScope(Kind kind, @Nullable UUID id) {

	/** What the id names. */
	public enum Kind {

		SUBSCRIBER, PLAN, ROUTER, POP, TENANT

	}

	public static UsageScope subscriber(UUID id) {
		return new UsageScope(Kind.SUBSCRIBER, id);
	}

	public static UsageScope plan(UUID id) {
		return new UsageScope(Kind.PLAN, id);
	}

	public static UsageScope router(UUID id) {
		return new UsageScope(Kind.ROUTER, id);
	}

	public static UsageScope pop(UUID id) {
		return new UsageScope(Kind.POP, id);
	}

	public static UsageScope tenant() {
		return new UsageScope(Kind.TENANT, null);
	}

	String condition(String schema) {
		return switch (this.kind) {
			case SUBSCRIBER -> "subscriber_id = :id";
			case PLAN -> "plan_id = :id";
			case ROUTER -> "router_id = :id";
			case POP -> "router_id IN (SELECT r.id FROM " + schema + ".router r WHERE r.pop_id = :id)";
			case TENANT -> "true";
		};
	}

}
