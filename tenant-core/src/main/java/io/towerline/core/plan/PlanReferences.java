package io.towerline.core.plan;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that points at plans (subscribers do); a plan that is still pointed at cannot
 * be deleted.
 */
public interface PlanReferences {

	/**
	 * A short description of what still uses the plan, or {@code null} when nothing does.
	 */
	@Nullable String usageOf(UUID planId);

}
