package io.towerline.core.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.towerline.core.lifecycle.LifecycleEvents;
import io.towerline.core.lifecycle.TimelineEntry;
import io.towerline.core.lifecycle.TimelineSearch;
import io.towerline.core.subscriber.SubscriberEvents;

import org.springframework.stereotype.Component;

/**
 * Rows of the event reports, from the lifecycle's timeline: suspensions and restores by
 * the lifecycle flow or by staff, and plan changes (single and bulk).
 */
@Component
class TimelineRows implements ReportRows {

	static final String SUSPENDED = "Suspended";

	static final String RESTORED = "Restored";

	static final String PLAN_CHANGED = "Plan changed";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final TimelineSearch.Query SUSPENSIONS = new TimelineSearch.Query(Set.of(LifecycleEvents.SUSPENDED,
			SubscriberEvents.SUSPENDED, LifecycleEvents.RESTORED, SubscriberEvents.RESTORED), "");

	private static final TimelineSearch.Query PLAN_CHANGES = new TimelineSearch.Query(Set.of(SubscriberEvents.CHANGED),
			TimelineSearch.PLAN_CHANGE_SUMMARY);

	private final TimelineSearch timeline;

	TimelineRows(TimelineSearch timeline) {
		this.timeline = timeline;
	}

	@Override
	public boolean serves(ReportKind kind) {
		return !kind.isUsage();
	}

	@Override
	public long count(Report report) {
		return this.timeline.count(query(report.kind()), report.from(), report.to());
	}

	@Override
	public void forEach(Report report, Consumer<List<String>> row) {
		this.timeline.forEach(query(report.kind()), report.from(), report.to(), (found) -> {
			TimelineEntry entry = found.entry();
			row.accept(List.of(WHEN.format(entry.occurredAt()), entry.subscriberId().toString(), found.username(),
					event(entry.kind()), entry.summary(), entry.actor()));
		});
	}

	@Override
	public ReportTally tally(ReportKind kind) {
		return (kind == ReportKind.PLAN_CHANGES) ? new EventTally(kind, PLAN_CHANGED, "")
				: new EventTally(kind, SUSPENDED, RESTORED);
	}

	private static TimelineSearch.Query query(ReportKind kind) {
		return (kind == ReportKind.PLAN_CHANGES) ? PLAN_CHANGES : SUSPENSIONS;
	}

	private static String event(String kind) {
		if (kind.equals(LifecycleEvents.SUSPENDED) || kind.equals(SubscriberEvents.SUSPENDED)) {
			return SUSPENDED;
		}
		if (kind.equals(LifecycleEvents.RESTORED) || kind.equals(SubscriberEvents.RESTORED)) {
			return RESTORED;
		}
		return PLAN_CHANGED;
	}

}
