package io.towerline.core.drift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plan;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.PppoeUsername;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.wording.Counted;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an IMPORT_ROUTER operation: moves an existing router onto the platform without
 * changing it (only {@code print} reaches the router). Non-built-in profiles become
 * plans, each in its own transaction; secrets become subscribers in chunks, each chunk
 * committing with the import's count, and progress is reported after every chunk. A
 * re-run (after a crash or a failed attempt) skips what is already on the platform, so it
 * finishes the import instead of repeating it.
 */
@Component
class RouterImportRun implements OperationHandler {

	static final int CHUNK = 500;

	private final Routers routers;

	private final RouterAccess access;

	private final RouterPlans routerPlans;

	private final SubscriberRecords subscribers;

	private final RouterImportRepository imports;

	private final RouterOperations operations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RouterImportRun(Routers routers, RouterAccess access, RouterPlans routerPlans, SubscriberRecords subscribers,
			RouterImportRepository imports, RouterOperations operations, TransactionTemplate transactions,
			Clock clock) {
		this.routers = routers;
		this.access = access;
		this.routerPlans = routerPlans;
		this.subscribers = subscribers;
		this.imports = imports;
		this.operations = operations;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Set<OperationKind> kinds() {
		return Set.of(OperationKind.IMPORT_ROUTER);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		UUID routerId = operation.routerId();
		UUID importId = operation.id();
		RouterClient client = this.access.client(this.transactions.execute((tx) -> this.routers.get(routerId)));
		RouterContents contents = new CommandContext(routerId, Actor.of(operation.requestedBy()), importId, null)
			.call(() -> new RouterContents(client.pppProfiles().list(), client.pppSecrets().list()));
		this.operations.expectItems(importId, contents.secrets().size());
		int createdBefore = this.transactions.execute((tx) -> importOf(importId).subscribersCreated());

		List<ImportResult.Skipped> skipped = new ArrayList<>();
		Map<String, UUID> planByProfile = plans(importId, contents.profiles(), skipped);
		Set<String> taken = new HashSet<>();
		int managed = 0;
		int done = 0;
		int failed = 0;
		List<PppSecret> secrets = contents.secrets();
		for (int from = 0; from < secrets.size(); from += CHUNK) {
			List<PppSecret> chunk = secrets.subList(from, Math.min(secrets.size(), from + CHUNK));
			List<ImportResult.Skipped> chunkSkipped = new ArrayList<>();
			managed += this.transactions
				.execute((tx) -> adoptChunk(importId, routerId, chunk, planByProfile, taken, chunkSkipped));
			skipped.addAll(chunkSkipped);
			failed += chunkSkipped.size();
			done += chunk.size() - chunkSkipped.size();
			progress.update(done, failed);
		}
		int managedOnRouter = managed;
		this.transactions.execute((tx) -> {
			importOf(importId).finished(managedOnRouter, createdBefore, skipped, this.clock.instant());
			return null;
		});
		long skippedSecrets = skipped.stream().filter((skip) -> skip.object() == DriftObject.SECRET).count();
		return (skipped.isEmpty()) ? null : Counted.of(skippedSecrets, "secret") + " and "
				+ Counted.of(skipped.size() - skippedSecrets, "profile") + " left on the router; the import lists why";
	}

	/** The plan of each importable profile, by profile name. */
	private Map<String, UUID> plans(UUID importId, List<PppProfile> profiles, List<ImportResult.Skipped> skipped) {
		Map<String, UUID> planByProfile = new HashMap<>();
		for (PppProfile profile : profiles) {
			if (profile.builtIn()) {
				continue;
			}
			RouterPlans.Outcome outcome = this.routerPlans.planFor(profile,
					(created) -> importOf(importId).planCreated(created.id(), this.clock.instant()));
			Plan plan = outcome.plan();
			if (plan == null) {
				skipped.add(new ImportResult.Skipped(DriftObject.PROFILE, profile.name(),
						String.valueOf(outcome.problem())));
				continue;
			}
			planByProfile.put(profile.name(), plan.id());
		}
		return planByProfile;
	}

	/**
	 * Adopts the secrets of one chunk it can, in the caller's transaction.
	 * @return how many were already managed on this router
	 */
	private int adoptChunk(UUID importId, UUID routerId, List<PppSecret> chunk, Map<String, UUID> planByProfile,
			Set<String> taken, List<ImportResult.Skipped> skipped) {
		Map<String, Subscriber> existing = new HashMap<>();
		for (Subscriber subscriber : this.subscribers
			.byUsernamesIgnoringCase(chunk.stream().map(PppSecret::name).toList())) {
			existing.put(subscriber.username().toLowerCase(Locale.ROOT), subscriber);
		}
		int created = 0;
		int managed = 0;
		for (PppSecret secret : chunk) {
			String key = secret.name().toLowerCase(Locale.ROOT);
			Subscriber known = existing.get(key);
			if (known != null && known.routerId().equals(routerId) && known.username().equals(secret.name())) {
				managed++;
				taken.add(key);
				continue;
			}
			String problem = problem(secret, known, routerId, taken, planByProfile);
			if (problem != null) {
				skipped.add(new ImportResult.Skipped(DriftObject.SECRET, secret.name(), problem));
				continue;
			}
			this.subscribers.adopt(secret.name(), secret.password(), planByProfile.get(secret.profile()), routerId,
					secret.disabled(), secret.comment());
			taken.add(key);
			created++;
		}
		importOf(importId).subscribersCreated(created, this.clock.instant());
		return managed;
	}

	private static @Nullable String problem(PppSecret secret, @Nullable Subscriber known, UUID routerId,
			Set<String> taken, Map<String, UUID> planByProfile) {
		if (known != null) {
			return known.routerId().equals(routerId)
					? "subscriber '" + known.username() + "' differs from it only in letter case"
					: "a subscriber with this username is on another router";
		}
		if (taken.contains(secret.name().toLowerCase(Locale.ROOT))) {
			return "another secret differs from this one only in letter case";
		}
		try {
			PppoeUsername.of(secret.name());
		}
		catch (InvalidInputException ex) {
			return "the username is not accepted by the platform (1 to 64 letters, digits or . _ @ + -)";
		}
		if (!planByProfile.containsKey(secret.profile())) {
			return "its profile '" + secret.profile() + "' is not a plan";
		}
		return null;
	}

	private RouterImport importOf(UUID importId) {
		return this.imports.findById(importId)
			.orElseThrow(() -> new IllegalStateException("Import " + importId + " has no record"));
	}

	private record RouterContents(List<PppProfile> profiles, List<PppSecret> secrets) {

	}

}
