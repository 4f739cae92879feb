package io.towerline.core.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanRouterPools;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.pool.IpPool;
import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppSecret;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs drift checks: reads the router once (all secrets, all profiles) outside any
 * transaction, then compares with the desired state and records the report in one
 * transaction. A router that cannot be read gets a FAILED report. Scheduled checks of a
 * tenant with automatic repair push MISSING and DIFFERENT items in the same transaction;
 * unmanaged secrets are never removed automatically.
 */
@Service
public class DriftChecks {

	/** Who scheduled checks act as. */
	public static final Actor SCHEDULED_ACTOR = Actor.system("drift-check");

	static final Actor REPAIR_ACTOR = Actor.system("drift-repair");

	/** The command-log action of a check that found drift (ADR 0258). */
	public static final String DRIFT_FOUND_ACTION = "platform:drift-found";

	private final Routers routers;

	private final RouterAccess access;

	private final SubscriberRecords subscribers;

	private final Plans plans;

	private final DriftReportRepository reports;

	private final DriftItemRepository items;

	private final DriftIgnoreRepository ignores;

	private final DriftReports settings;

	private final DriftPush push;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PlanRouterPools pools;

	private final RouterCommandLog commandLog;

	private final DriftNews news;

	DriftChecks(Routers routers, RouterAccess access, SubscriberRecords subscribers, Plans plans,
			DriftReportRepository reports, DriftItemRepository items, DriftIgnoreRepository ignores,
			DriftReports settings, DriftPush push, TransactionTemplate transactions, Clock clock, PlanRouterPools pools,
			RouterCommandLog commandLog, DriftNews news) {
		this.news = news;
		this.pools = pools;
		this.commandLog = commandLog;
		this.routers = routers;
		this.access = access;
		this.subscribers = subscribers;
		this.plans = plans;
		this.reports = reports;
		this.items = items;
		this.ignores = ignores;
		this.settings = settings;
		this.push = push;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Checks one router of the current tenant now, on behalf of {@code actor}; never
	 * repairs automatically.
	 * @throws io.towerline.core.error.NotFoundException when the router does not exist
	 */
	public DriftReport check(UUID routerId, Actor actor) {
		return run(routerId, actor, false);
	}

	/**
	 * A scheduled check: like {@link #check} but applies the tenant's automatic repair
	 * setting.
	 */
	DriftReport scheduled(UUID routerId) {
		return run(routerId, SCHEDULED_ACTOR, true);
	}

	/**
	 * A check the platform starts by itself (a router came back or rebooted), on behalf
	 * of {@code actor}: like a scheduled check, it repairs at once when the tenant turned
	 * automatic repair on.
	 */
	public DriftReport automatic(UUID routerId, Actor actor) {
		return run(routerId, actor, true);
	}

	private DriftReport run(UUID routerId, Actor actor, boolean scheduled) {
		Instant checkedAt = this.clock.instant();
		long started = System.nanoTime();
		Router router = this.transactions.execute((tx) -> this.routers.get(routerId));
		RouterState state;
		try {
			CommandContext context = new CommandContext(routerId, actor, null, null);
			// the platform's own checks (the schedule's, a router's return) read as
			// routine monitoring, not recorded one by one; a check someone asked for
			// is (ADR 0258)
			state = scheduled ? context.callRoutineReads(() -> read(this.access.client(router)))
					: context.call(() -> read(this.access.client(router)));
		}
		catch (RouterException ex) {
			String error = ex.code() + ": " + ex.getMessage();
			return this.transactions.execute((tx) -> this.reports.save(DriftReport.failed(routerId, checkedAt, actor,
					error, Duration.ofNanos(System.nanoTime() - started))));
		}
		return this.transactions.execute((tx) -> {
			List<Subscriber> desired = this.subscribers.onRouter(routerId);
			Set<UUID> planIds = desired.stream().map(Subscriber::planId).collect(Collectors.toSet());
			Map<UUID, Plan> plansById = this.plans.getAll(planIds)
				.stream()
				.collect(Collectors.toMap(Plan::id, Function.identity()));
			Map<UUID, String> poolRanges = this.pools.rangesFor(List.copyOf(plansById.values()), routerId);
			List<DriftItem> found = DriftComparison.compare(desired, plansById, state.secrets(), state.profiles(),
					poolRanges, state.pools(), this.subscribers::password);
			Set<DriftItem.IgnoreKey> ignored = this.ignores.findByRouterId(routerId)
				.stream()
				.map(DriftIgnore::key)
				.collect(Collectors.toSet());
			Set<DriftItem.Finding> openBefore = this.news.openBefore(routerId);
			int platformSubscribers = (int) desired.stream().filter((subscriber) -> !subscriber.deleting()).count();
			DriftReport report = DriftReport.completed(routerId, checkedAt, actor, state.secrets().size(),
					platformSubscribers, Duration.ofNanos(System.nanoTime() - started));
			for (DriftItem item : found) {
				item.belongTo(report, ignored.contains(item.ignoreKey()));
				report.count(item);
			}
			this.reports.save(report);
			this.items.saveAll(found);
			if (DriftNews.isNews(found, openBefore)) {
				recordFound(report, actor);
			}
			if (scheduled && this.settings.settings().automaticRepair()) {
				repair(routerId, found);
			}
			return report;
		});
	}

	/**
	 * A check that found drift leaves one command-log entry saying what it found, whoever
	 * ran it (ADR 0258), when the drift is news (ADR 0267); a clean check's record is its
	 * report.
	 */
	private void recordFound(DriftReport report, Actor actor) {
		int open = report.missingCount() + report.unmanagedCount() + report.differentCount();
		if (open > 0) {
			this.commandLog.recordFinding(report.routerId(), DRIFT_FOUND_ACTION,
					Map.of("report", report.id().toString(), "missing", String.valueOf(report.missingCount()),
							"unmanaged", String.valueOf(report.unmanagedCount()), "different",
							String.valueOf(report.differentCount()), "ignored", String.valueOf(report.ignoredCount())),
					actor);
		}
	}

	private void repair(UUID routerId, List<DriftItem> found) {
		List<DriftItem> repairable = found.stream()
			.filter((item) -> item.state() == DriftItemState.OPEN && item.kind() != DriftKind.UNMANAGED)
			.toList();
		if (!repairable.isEmpty()) {
			this.push.push(routerId, repairable, REPAIR_ACTOR);
		}
	}

	private static RouterState read(RouterClient client) {
		return new RouterState(client.pppSecrets().list(), client.pppProfiles().list(), client.ipPools().list());
	}

	private record RouterState(List<PppSecret> secrets, List<PppProfile> profiles, List<IpPool> pools) {

	}

}
