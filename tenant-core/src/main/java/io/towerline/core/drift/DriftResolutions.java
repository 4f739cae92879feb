package io.towerline.core.drift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on drift items, one by one or in bulk: push, adopt, ignore, or take an ignore
 * back. Items that cannot take the action are reported and never stop the others. Pushes
 * enqueue their operations in the same transaction as the items' new state.
 */
@Service
public class DriftResolutions {

	private final DriftReportRepository reports;

	private final DriftItemRepository items;

	private final DriftIgnoreRepository ignores;

	private final DriftPush push;

	private final DriftAdoption adoption;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DriftResolutions(DriftReportRepository reports, DriftItemRepository items, DriftIgnoreRepository ignores,
			DriftPush push, DriftAdoption adoption, TransactionTemplate transactions, Clock clock) {
		this.reports = reports;
		this.items = items;
		this.ignores = ignores;
		this.push = push;
		this.adoption = adoption;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Applies {@code request.action()} to the chosen items of a report.
	 * @throws NotFoundException when the report does not exist in the current tenant
	 * @throws InvalidInputException when neither items nor "all" were chosen
	 */
	public Resolution resolve(Request request, Actor actor) {
		if (request.itemIds().isEmpty() == !request.all()) {
			throw new InvalidInputException(
					FieldError.invalid("itemIds", "Choose items by id, or all items of the report, not both"));
		}
		List<FieldError> errors = new ArrayList<>();
		Selection selection = this.transactions.execute((tx) -> select(request, errors));
		DriftAdoption.RouterSide routerSide = (request.action() == DriftAction.ADOPT)
				? this.adoption.prepare(selection.report(), selection.items(), actor) : null;
		return this.transactions.execute((tx) -> {
			List<DriftItem> chosen = this.items.findByReportIdAndIdIn(selection.report().id(),
					selection.items().stream().map(DriftItem::id).toList());
			List<DriftItem> applicable = new ArrayList<>();
			for (DriftItem item : chosen) {
				String problem = problem(item, request);
				if (problem != null) {
					errors.add(error(item, problem));
				}
				else {
					applicable.add(item);
				}
			}
			List<UUID> operations = List.of();
			List<DriftItem> resolved = applicable;
			switch (request.action()) {
				case PUSH -> operations = this.push.push(selection.report().routerId(), applicable, actor);
				case ADOPT ->
					resolved = this.adoption.apply(Objects.requireNonNull(routerSide), applicable, actor, errors);
				case IGNORE -> applicable.forEach((item) -> ignore(item, actor));
				case UNIGNORE -> applicable.forEach((item) -> unignore(item, actor));
			}
			return new Resolution(selection.report(), resolved, operations, errors);
		});
	}

	private Selection select(Request request, List<FieldError> errors) {
		DriftReport report = this.reports.findById(request.reportId())
			.orElseThrow(() -> new NotFoundException("Drift report", request.reportId()));
		if (request.all()) {
			DriftItemState state = (request.action() == DriftAction.UNIGNORE) ? DriftItemState.IGNORED
					: DriftItemState.OPEN;
			return new Selection(report, this.items.findByReportIdAndState(report.id(), state));
		}
		Set<UUID> wanted = new LinkedHashSet<>(request.itemIds());
		List<DriftItem> found = this.items.findByReportIdAndIdIn(report.id(), wanted);
		found.forEach((item) -> wanted.remove(item.id()));
		wanted.forEach((id) -> errors
			.add(new FieldError("itemIds", ErrorCode.NOT_FOUND, "Item " + id + " is not part of this report")));
		return new Selection(report, found);
	}

	private static @Nullable String problem(DriftItem item, Request request) {
		DriftItemState required = (request.action() == DriftAction.UNIGNORE) ? DriftItemState.IGNORED
				: DriftItemState.OPEN;
		if (item.state() != required) {
			return "it is " + item.state() + "; only " + required + " items can take " + request.action();
		}
		if (request.action() == DriftAction.PUSH && item.kind() == DriftKind.UNMANAGED) {
			if (item.object() == DriftObject.PROFILE) {
				return "unmanaged profiles are never removed";
			}
			if (!request.confirmRemoval()) {
				return "pushing an unmanaged secret removes it from the router; confirm the removal to do so";
			}
		}
		if (request.action() == DriftAction.ADOPT && item.kind() == DriftKind.MISSING) {
			return "nothing to adopt: the router does not have it; push it, or delete the "
					+ ((item.object() == DriftObject.SECRET) ? "subscriber" : "plan");
		}
		return null;
	}

	private void ignore(DriftItem item, Actor actor) {
		DriftItem.IgnoreKey key = item.ignoreKey();
		if (this.ignores.findByRouterIdAndObjectAndKindAndName(item.routerId(), key.object(), key.kind(), key.name())
			.isEmpty()) {
			this.ignores.save(new DriftIgnore(item.routerId(), key, actor.value(), this.clock.instant()));
		}
		item.resolve(DriftItemState.IGNORED, actor, null, this.clock.instant());
	}

	private void unignore(DriftItem item, Actor actor) {
		DriftItem.IgnoreKey key = item.ignoreKey();
		this.ignores.findByRouterIdAndObjectAndKindAndName(item.routerId(), key.object(), key.kind(), key.name())
			.ifPresent(this.ignores::delete);
		item.reopen(actor, this.clock.instant());
	}

	static FieldError error(DriftItem item, String problem) {
		return new FieldError("itemIds", ErrorCode.INVALID_STATE,
				item.object().name().toLowerCase(Locale.ROOT) + " '" + item.name() + "': " + problem);
	}

	/**
	 * What to do.
	 *
	 * @param reportId the report
	 * @param itemIds the items, or empty with {@code all}
	 * @param all every OPEN item of the report (IGNORED ones for UNIGNORE)
	 * @param action the action
	 * @param confirmRemoval for PUSH of unmanaged secrets: yes, remove them from the
	 * router
	 */
	public record Request(UUID reportId, List<UUID> itemIds, boolean all, DriftAction action, boolean confirmRemoval) {

	}

	/**
	 * What was done.
	 *
	 * @param report the report
	 * @param resolved the items that took the action
	 * @param operationIds operations enqueued by a push
	 * @param errors the items that could not, and why
	 */
	public record Resolution(DriftReport report, List<DriftItem> resolved, List<UUID> operationIds,
			List<FieldError> errors) {

	}

	private record Selection(DriftReport report, List<DriftItem> items) {

	}

}
