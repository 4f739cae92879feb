package io.towerline.core.pop;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that points at POPs (routers do); a POP that is still pointed at cannot be
 * deleted.
 */
public interface PopReferences {

	/**
	 * A short description of what still uses the POP, or {@code null} when nothing does.
	 */
	@Nullable String usageOf(UUID popId);

}
