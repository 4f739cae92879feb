package io.towerline.api.graphql;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Page requests of every connection: {@code first} (forward) or {@code last} (backward)
 * is required and at most {@value #MAX_PAGE_SIZE}, so no single request can ask for an
 * unbounded list.
 */
public final class Pages {

	/** The largest page any connection serves. */
	public static final int MAX_PAGE_SIZE = 100;

	/** The code of a page size out of range. */
	public static final String PAGE_SIZE_INVALID = "PAGE_SIZE_INVALID";

	private Pages() {
	}

	/**
	 * The checked page request.
	 * @throws ApiInputException with code PAGE_SIZE_REQUIRED or PAGE_SIZE_INVALID
	 */
	public static PageRequest of(ScrollSubrange subrange) {
		int count = subrange.count()
			.orElseThrow(() -> new ApiInputException("PAGE_SIZE_REQUIRED",
					"Give 'first' (or 'last' with 'before') to say how many items you want, at most " + MAX_PAGE_SIZE));
		if (count < 1 || count > MAX_PAGE_SIZE) {
			throw new ApiInputException(PAGE_SIZE_INVALID,
					"Page size must be between 1 and " + MAX_PAGE_SIZE + ", was " + count);
		}
		ScrollPosition position = subrange.position().orElse(ScrollPosition.keyset());
		if (!subrange.forward() && position instanceof KeysetScrollPosition keyset) {
			position = keyset.backward();
		}
		return new PageRequest(position, count);
	}

	/**
	 * Where a page starts and how long it is.
	 *
	 * @param position scroll position (keyset)
	 * @param size number of items
	 */
	public record PageRequest(ScrollPosition position, int size) {

	}

}
