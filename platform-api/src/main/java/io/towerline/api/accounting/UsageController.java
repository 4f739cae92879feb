package io.towerline.api.accounting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.towerline.api.graphql.Pages;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.plan.Plans;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.Resolution;
import io.towerline.core.usage.UsagePoint;
import io.towerline.core.usage.UsageScope;
import io.towerline.core.usage.UsageTotals;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Usage for every tenant role. A totals scope is looked up in the caller's tenant first,
 * so another tenant's id is NOT_FOUND rather than an empty total.
 */
@Controller
class UsageController {

	private final UsageTotals totals;

	private final Subscribers subscribers;

	private final Plans plans;

	private final Routers routers;

	private final PointsOfPresence pops;

	UsageController(UsageTotals totals, Subscribers subscribers, Plans plans, Routers routers, PointsOfPresence pops) {
		this.totals = totals;
		this.subscribers = subscribers;
		this.plans = plans;
		this.routers = routers;
		this.pops = pops;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Counters usageTotal(@Argument Instant from, @Argument Instant to, @Argument @Nullable UUID subscriberId,
			@Argument @Nullable UUID planId, @Argument @Nullable UUID routerId, @Argument @Nullable UUID popId) {
		long given = Stream.of(subscriberId, planId, routerId, popId).filter((id) -> id != null).count();
		if (given > 1) {
			throw new InvalidInputException(
					FieldError.invalid(null, "Give at most one of subscriberId, planId, routerId and popId"));
		}
		UsageScope scope = UsageScope.tenant();
		if (subscriberId != null) {
			scope = UsageScope.subscriber(this.subscribers.get(subscriberId).id());
		}
		else if (planId != null) {
			scope = UsageScope.plan(this.plans.get(planId).id());
		}
		else if (routerId != null) {
			scope = UsageScope.router(this.routers.get(routerId).id());
		}
		else if (popId != null) {
			scope = UsageScope.pop(this.pops.get(popId).id());
		}
		return this.totals.total(scope, from, to);
	}

	@SchemaMapping(typeName = "Subscriber", field = "usage")
	Usage usage(Subscriber subscriber, @Argument Instant from, @Argument Instant to,
			@Argument @Nullable Granularity granularity, @Argument @Nullable Integer first) {
		int size = (first != null) ? first : Pages.MAX_PAGE_SIZE;
		UsageScope scope = UsageScope.subscriber(subscriber.id());
		Resolution resolution = (granularity != null) ? granularity.resolution : Resolution.HOUR;
		List<UsagePoint> points = this.totals.series(scope, from, to, resolution);
		return new Usage(this.totals.total(scope, from, to), points.subList(0, Math.min(size, points.size())),
				points.size() > size);
	}

	/** The schema's names of the resolutions. */
	enum Granularity {

		FIVE_MINUTES(Resolution.FIVE_MINUTES), HOUR(Resolution.HOUR), DAY(Resolution.DAY);

		private final Resolution resolution;

		Granularity(Resolution resolution) {
			this.resolution = resolution;
		}

	}

	record Usage(Counters total, List<UsagePoint> points, boolean hasMore) {

	}

}
