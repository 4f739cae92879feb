package io.towerline.core.router;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that points at routers (subscribers do); a router that is still pointed at
 * cannot be deleted.
 */
public interface RouterReferences {

	/**
	 * A short description of what still uses the router, or {@code null} when nothing
	 * does.
	 */
	@Nullable String usageOf(UUID routerId);

}
