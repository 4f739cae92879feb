package io.towerline.core.subscriber;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds subscribers by text, status, plan, router and lifecycle state for the staff's
 * list: pages by keyset in the order asked, and counts the matches.
 */
@Service
public class SubscriberSearch {

	private final SubscriberOrderedPages orderedPages;

	SubscriberSearch(SubscriberOrderedPages orderedPages) {
		this.orderedPages = orderedPages;
	}

	/**
	 * A keyset page in the given order (see {@link SubscriberOrderedPages}).
	 */
	@Transactional(readOnly = true)
	public Window<Subscriber> find(SubscriberFilter filter, SubscriberOrder order, boolean descending,
			ScrollPosition position, int limit) {
		return this.orderedPages.find(filter, order, descending, position, limit);
	}

	/** How many subscribers match the filter; always what the pages hold together. */
	@Transactional(readOnly = true)
	public long count(SubscriberFilter filter) {
		return this.orderedPages.count(filter);
	}

}
