package io.towerline.core.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.audit.CommandContext;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.plan.Plan;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.subscriber.PppoeUsername;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves an existing router onto the platform without changing it: only {@code print}
 * commands reach the router. Its non-built-in profiles become plans, its secrets
 * subscribers (password sealed from what the router returned). Whatever cannot be taken
 * is listed with the reason; what the platform already manages is left alone, so an
 * import can be repeated.
 */
@Service
public class RouterImport {

	private final Routers routers;

	private final RouterAccess access;

	private final RouterPlans routerPlans;

	private final SubscriberRecords subscribers;

	private final TransactionTemplate transactions;

	RouterImport(Routers routers, RouterAccess access, RouterPlans routerPlans, SubscriberRecords subscribers,
			TransactionTemplate transactions) {
		this.routers = routers;
		this.access = access;
		this.routerPlans = routerPlans;
		this.subscribers = subscribers;
		this.transactions = transactions;
	}

	/**
	 * Imports the router's profiles and secrets.
	 * @throws InvalidInputException (field {@code routerId}) when the router cannot be
	 * read
	 * @throws io.towerline.core.error.NotFoundException when the router does not exist
	 */
	public ImportResult importRouter(UUID routerId, String actor) {
		Router router = this.transactions.execute((tx) -> this.routers.get(routerId));
		RouterContents contents;
		try {
			contents = new CommandContext(routerId, actor, null, null).call(() -> read(this.access.client(router)));
		}
		catch (RouterException ex) {
			throw new InvalidInputException(new FieldError("routerId", ErrorCode.INVALID_STATE,
					"The router could not be read: " + ex.code() + ": " + ex.getMessage()));
		}
		List<ImportResult.Skipped> skipped = new ArrayList<>();
		List<UUID> createdPlans = new ArrayList<>();
		Map<String, UUID> planByProfile = new HashMap<>();
		for (PppProfile profile : contents.profiles()) {
			if (profile.builtIn()) {
				continue;
			}
			RouterPlans.Outcome outcome = this.routerPlans.planFor(profile);
			Plan plan = outcome.plan();
			if (plan == null) {
				skipped.add(new ImportResult.Skipped(DriftObject.PROFILE, profile.name(), outcome.problem()));
				continue;
			}
			planByProfile.put(profile.name(), plan.id());
			if (outcome.created()) {
				createdPlans.add(plan.id());
			}
		}
		return this.transactions.execute((tx) -> {
			int[] counts = adoptSecrets(routerId, contents.secrets(), planByProfile, skipped);
			return new ImportResult(routerId, createdPlans, counts[0], counts[1], skipped);
		});
	}

	/** Adopts every secret it can; returns {created, already managed}. */
	private int[] adoptSecrets(UUID routerId, List<PppSecret> secrets, Map<String, UUID> planByProfile,
			List<ImportResult.Skipped> skipped) {
		Map<String, Subscriber> existing = new HashMap<>();
		for (Subscriber subscriber : this.subscribers.byUsernames(secrets.stream().map(PppSecret::name).toList())) {
			existing.put(subscriber.username().toLowerCase(Locale.ROOT), subscriber);
		}
		Set<String> taken = new HashSet<>(existing.keySet());
		int created = 0;
		int managed = 0;
		for (PppSecret secret : secrets) {
			String key = secret.name().toLowerCase(Locale.ROOT);
			Subscriber known = existing.get(key);
			if (known != null && known.routerId().equals(routerId)) {
				managed++;
				continue;
			}
			String problem = problem(secret, known, taken, planByProfile);
			if (problem != null) {
				skipped.add(new ImportResult.Skipped(DriftObject.SECRET, secret.name(), problem));
				continue;
			}
			this.subscribers.adopt(secret.name(), secret.password(), planByProfile.get(secret.profile()), routerId,
					secret.disabled(), secret.comment());
			taken.add(key);
			created++;
		}
		return new int[] { created, managed };
	}

	private static @Nullable String problem(PppSecret secret, @Nullable Subscriber known, Set<String> taken,
			Map<String, UUID> planByProfile) {
		if (known != null) {
			return "a subscriber with this username is on another router";
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

	private static RouterContents read(RouterClient client) {
		return new RouterContents(client.pppProfiles().list(), client.pppSecrets().list());
	}

	private record RouterContents(List<PppProfile> profiles, List<PppSecret> secrets) {

	}

}
