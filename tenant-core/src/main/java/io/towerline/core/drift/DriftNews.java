package io.towerline.core.drift;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Tells whether a check's open drift is news (ADR 0267): an item open now that the
 * router's previous completed check did not have open, the same in every value compared.
 * A router left drifted is checked 96 times a day; its command log says so once, again
 * when the drift changes, and again when it comes back after being resolved (pushed,
 * adopted) or after a clean check. Fewer items than before (some mended by hand) is not
 * news. A failed check read nothing, so the check before it is the one compared with.
 */
@Component
class DriftNews {

	private final DriftReportRepository reports;

	private final DriftItemRepository items;

	DriftNews(DriftReportRepository reports, DriftItemRepository items) {
		this.reports = reports;
		this.items = items;
	}

	/**
	 * Reads what the router's newest completed check has open now; call before the new
	 * report is saved.
	 * @return what was open before, to compare the new check's items with
	 */
	Set<DriftItem.Finding> openBefore(UUID routerId) {
		return this.reports.findFirstByRouterIdAndStatusOrderByCheckedAtDescIdDesc(routerId, DriftCheckStatus.COMPLETED)
			.map((previous) -> this.items.findByReportIdAndState(previous.id(), DriftItemState.OPEN)
				.stream()
				.map(DriftItem::finding)
				.collect(Collectors.toSet()))
			.orElse(Set.of());
	}

	/**
	 * @param found the new check's items, their states set
	 * @param before what {@link #openBefore} read
	 * @return whether any item open now was not open, as it is, before
	 */
	static boolean isNews(List<DriftItem> found, Set<DriftItem.Finding> before) {
		return found.stream()
			.filter((item) -> item.state() == DriftItemState.OPEN)
			.anyMatch((item) -> !before.contains(item.finding()));
	}

}
