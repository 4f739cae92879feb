package io.towerline.api.session;

import io.towerline.api.graphql.ApiInputException;
import io.towerline.api.graphql.Pages;
import org.jspecify.annotations.Nullable;

/** The page size rule of every connection: {@code first} required, 1 to 100. */
final class PageSize {

	private PageSize() {
	}

	static int of(@Nullable Integer first) {
		if (first == null || first < 1 || first > Pages.MAX_PAGE_SIZE) {
			throw new ApiInputException((first == null) ? "PAGE_SIZE_REQUIRED" : Pages.PAGE_SIZE_INVALID,
					"Give 'first' between 1 and " + Pages.MAX_PAGE_SIZE);
		}
		return first;
	}

}
