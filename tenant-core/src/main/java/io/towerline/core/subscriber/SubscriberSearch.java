package io.towerline.core.subscriber;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds subscribers by text, status, plan and router for the staff's list: pages by
 * keyset in the order asked, and counts the matches.
 */
@Service
public class SubscriberSearch {

	private final SubscriberSearchRepository subscribers;

	private final SubscriberOrderedPages orderedPages;

	SubscriberSearch(SubscriberSearchRepository subscribers, SubscriberOrderedPages orderedPages) {
		this.subscribers = subscribers;
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

	@Transactional(readOnly = true)
	public long count(SubscriberFilter filter) {
		return this.subscribers.count(matching(filter));
	}

	static Specification<Subscriber> matching(SubscriberFilter filter) {
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(builder.isFalse(root.get("deleting")));
			if (filter.status() != null) {
				predicates.add(builder.equal(root.get("status"), filter.status()));
			}
			if (filter.planId() != null) {
				predicates.add(builder.equal(root.get("planId"), filter.planId()));
			}
			if (filter.routerId() != null) {
				predicates.add(builder.equal(root.get("routerId"), filter.routerId()));
			}
			String pattern = filter.pattern();
			if (pattern != null) {
				predicates.add(builder.or(like(builder, root.get("username"), pattern),
						like(builder, contact(root, "fullName"), pattern),
						like(builder, contact(root, "email"), pattern),
						like(builder, contact(root, "phone"), pattern)));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

	private static Expression<String> contact(Root<Subscriber> root, String field) {
		return root.get("contact").get(field);
	}

	private static Predicate like(CriteriaBuilder builder, Expression<String> value, String pattern) {
		return builder.like(builder.lower(value), pattern, '\\');
	}

}
