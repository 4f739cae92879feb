package io.towerline.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.towerline.core.plan.Plans;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.router.Routers;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageBreakdown;
import io.towerline.core.usage.UsageBreakdown.Grouping;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Component;

/**
 * Rows of the usage reports, from the usage feature's breakdown. Plan, router and POP
 * names are looked up once per report (there are far fewer of them than rows); a name
 * that no longer exists (a deleted router) shows as its id.
 */
@Component
class UsageRows implements ReportRows {

	private final UsageBreakdown breakdown;

	private final Plans plans;

	private final Routers routers;

	private final PointsOfPresence pops;

	UsageRows(UsageBreakdown breakdown, Plans plans, Routers routers, PointsOfPresence pops) {
		this.breakdown = breakdown;
		this.plans = plans;
		this.routers = routers;
		this.pops = pops;
	}

	@Override
	public boolean serves(ReportKind kind) {
		return kind.isUsage();
	}

	@Override
	public long count(Report report) {
		long groups = this.breakdown.count(grouping(report.kind()), report.from(), report.to());
		return (report.limit() != null) ? Math.min(groups, report.limit()) : groups;
	}

	@Override
	public void forEach(Report report, Consumer<List<String>> row) {
		ReportKind kind = report.kind();
		Map<UUID, String> names = names(kind);
		UsageBreakdown.Order order = (kind == ReportKind.TOP_USERS) ? UsageBreakdown.Order.MOST_USED
				: UsageBreakdown.Order.NAME;
		long[] rank = { 0 };
		this.breakdown.forEach(grouping(kind), report.from(), report.to(), order, report.limit(), (group) -> {
			List<String> cells = new ArrayList<>(6);
			if (kind == ReportKind.TOP_USERS) {
				cells.add(Long.toString(++rank[0]));
			}
			cells.add((group.id() != null) ? group.id().toString() : "");
			cells.add(label(kind, group, names));
			Counters counters = group.counters();
			// download is what the router sent the subscriber (tx), upload what it
			// received
			cells.add(Long.toString(counters.txBytes()));
			cells.add(Long.toString(counters.rxBytes()));
			cells.add(Long.toString(counters.txBytes() + counters.rxBytes()));
			row.accept(cells);
		});
	}

	@Override
	public ReportTally tally(ReportKind kind) {
		return new UsageTally(kind);
	}

	private static String label(ReportKind kind, UsageBreakdown.Row group, Map<UUID, String> names) {
		if (group.username() != null) {
			return group.username();
		}
		if (group.id() == null) {
			return switch (kind) {
				case USAGE_BY_PLAN -> "(no plan)";
				case USAGE_BY_POP -> "(no POP)";
				default -> "(unknown)";
			};
		}
		return names.getOrDefault(group.id(), group.id().toString());
	}

	private Map<UUID, String> names(ReportKind kind) {
		return switch (kind) {
			case USAGE_BY_PLAN -> all(this.plans::list, (plan) -> plan.id(), (plan) -> plan.name());
			case USAGE_BY_ROUTER -> all(this.routers::list, (router) -> router.id(), (router) -> router.name());
			case USAGE_BY_POP -> all(this.pops::list, (pop) -> pop.id(), (pop) -> pop.name());
			default -> Map.of();
		};
	}

	private static <T> Map<UUID, String> all(BiFunction<ScrollPosition, Integer, Window<T>> list, Function<T, UUID> id,
			Function<T, String> name) {
		Map<UUID, String> names = new HashMap<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<T> page;
		do {
			page = list.apply(position, 500);
			page.forEach((item) -> names.put(id.apply(item), name.apply(item)));
			if (page.hasNext()) {
				position = page.positionAt(page.size() - 1);
			}
		}
		while (page.hasNext());
		return names;
	}

	private static Grouping grouping(ReportKind kind) {
		return switch (kind) {
			case USAGE_BY_SUBSCRIBER, TOP_USERS -> Grouping.SUBSCRIBER;
			case USAGE_BY_PLAN -> Grouping.PLAN;
			case USAGE_BY_ROUTER -> Grouping.ROUTER;
			case USAGE_BY_POP -> Grouping.POP;
			default -> throw new IllegalArgumentException(kind + " is not a usage report");
		};
	}

}
