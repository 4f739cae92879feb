package io.towerline.core.drift;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's drift reports, their items, and its drift settings. */
@Service
@Transactional
public class DriftReports {

	/** Reports newest first. */
	public static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "checkedAt", "id");

	/** Items by name. */
	static final Sort BY_NAME = Sort.by("name", "id");

	private final DriftReportRepository reports;

	private final DriftItemRepository items;

	private final DriftSettingsRepository settings;

	private final Routers routers;

	private final Clock clock;

	DriftReports(DriftReportRepository reports, DriftItemRepository items, DriftSettingsRepository settings,
			Routers routers, Clock clock) {
		this.reports = reports;
		this.items = items;
		this.settings = settings;
		this.routers = routers;
		this.clock = clock;
	}

	/**
	 * A router's reports, newest first.
	 * @throws NotFoundException when the router does not exist
	 */
	@Transactional(readOnly = true)
	public Window<DriftReport> list(UUID routerId, ScrollPosition position, int limit) {
		this.routers.get(routerId);
		return this.reports.findByRouterId(routerId, position, Limit.of(limit), NEWEST_FIRST);
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public DriftReport get(UUID id) {
		return this.reports.findById(id).orElseThrow(() -> new NotFoundException("Drift report", id));
	}

	/** A report's items by name, optionally only those in one state. */
	@Transactional(readOnly = true)
	public Window<DriftItem> items(UUID reportId, @Nullable DriftItemState state, ScrollPosition position, int limit) {
		return (state != null) ? this.items.findByReportIdAndState(reportId, state, position, Limit.of(limit), BY_NAME)
				: this.items.findByReportId(reportId, position, Limit.of(limit), BY_NAME);
	}

	@Transactional(readOnly = true)
	public DriftSettings settings() {
		return this.settings.findById(DriftSettings.SINGLE_ROW).orElseGet(DriftSettings::defaults);
	}

	/** Turns automatic repair on or off for the tenant's scheduled checks. */
	public DriftSettings changeAutomaticRepair(boolean enabled, Actor actor) {
		DriftSettings current = this.settings.findById(DriftSettings.SINGLE_ROW).orElseGet(DriftSettings::defaults);
		current.change(enabled, actor, this.clock.instant());
		return this.settings.save(current);
	}

	/** Deletes reports (and their items) checked longer ago than {@code retention}. */
	int purgeOlderThan(Duration retention) {
		return this.reports.deleteCheckedBefore(this.clock.instant().minus(retention));
	}

}
