package io.towerline.core.drift;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanProfile;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.mikrotik.pool.IpPool;
import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppSecret;
import org.jspecify.annotations.Nullable;

/**
 * Compares one router's secrets and profiles with the desired state, by name, in one pass
 * over each side. Only what the platform owns is compared: a secret's comment only when
 * the platform wrote it (ADR 0031). Subscribers being deleted are skipped on both sides:
 * their operation is under way. Only the profiles of plans the router's subscribers use
 * are expected on the router.
 */
final class DriftComparison {

	private DriftComparison() {
	}

	/**
	 * The differences, in no particular order.
	 * @param subscribers every subscriber the platform places on the router
	 * @param plans the plans those subscribers use, by id
	 * @param secrets the router's secrets
	 * @param profiles the router's profiles
	 * @param password unseals a subscriber's password
	 */
	static List<DriftItem> compare(List<Subscriber> subscribers, Map<UUID, Plan> plans, List<PppSecret> secrets,
			List<PppProfile> profiles, Function<Subscriber, String> password) {
		return compare(subscribers, plans, secrets, profiles, Map.of(), List.of(), password);
	}

	/**
	 * As above, and the managed pools: a plan's pool whose ranges on the router are not
	 * the ones the platform keeps there makes its profile DIFFERENT ({@code poolRanges}).
	 * @param poolRanges the ranges each pool-managing plan's pool has on this router
	 * @param pools the router's pools
	 */
	static List<DriftItem> compare(List<Subscriber> subscribers, Map<UUID, Plan> plans, List<PppSecret> secrets,
			List<PppProfile> profiles, Map<UUID, String> poolRanges, List<IpPool> pools,
			Function<Subscriber, String> password) {
		List<DriftItem> items = new ArrayList<>();
		Map<String, PppSecret> onRouter = new HashMap<>(secrets.size() * 2);
		secrets.forEach((secret) -> onRouter.put(secret.name(), secret));
		Set<String> managed = new HashSet<>(subscribers.size() * 2);
		Set<UUID> plansInUse = new HashSet<>();
		for (Subscriber subscriber : subscribers) {
			managed.add(subscriber.username());
			if (subscriber.deleting()) {
				continue;
			}
			Plan plan = plans.get(subscriber.planId());
			plansInUse.add(subscriber.planId());
			PppSecret secret = onRouter.get(subscriber.username());
			if (secret == null) {
				items.add(missing(subscriber, plan));
			}
			else {
				DriftItem different = different(subscriber, plan, secret, password);
				if (different != null) {
					items.add(different);
				}
			}
		}
		for (PppSecret secret : secrets) {
			if (!managed.contains(secret.name())) {
				items.add(new DriftItem(DriftObject.SECRET, DriftKind.UNMANAGED, secret.name())
					.profile(null, secret.profile())
					.disabled(null, secret.disabled())
					.comment(null, secret.comment()));
			}
		}
		items.addAll(profiles(plansInUse, plans, profiles, poolRanges, pools));
		return items;
	}

	private static DriftItem missing(Subscriber subscriber, @Nullable Plan plan) {
		return new DriftItem(DriftObject.SECRET, DriftKind.MISSING, subscriber.username()).subscriber(subscriber.id())
			.profile((plan != null) ? plan.profileName() : null, null)
			.disabled(!subscriber.status().mayConnect(), null)
			.comment(subscriber.managedComment(), null);
	}

	private static @Nullable DriftItem different(Subscriber subscriber, @Nullable Plan plan, PppSecret secret,
			Function<Subscriber, String> password) {
		DriftItem item = new DriftItem(DriftObject.SECRET, DriftKind.DIFFERENT, subscriber.username())
			.subscriber(subscriber.id());
		boolean differs = false;
		String profile = (plan != null) ? plan.profileName() : null;
		if (profile != null && !profile.equals(secret.profile())) {
			item.profile(profile, secret.profile());
			differs = true;
		}
		boolean disabled = !subscriber.status().mayConnect();
		if (disabled != secret.disabled()) {
			item.disabled(disabled, secret.disabled());
			differs = true;
		}
		String comment = subscriber.managedComment();
		if (comment != null && !comment.equals(secret.comment())) {
			item.comment(comment, secret.comment());
			differs = true;
		}
		if (!samePassword(password.apply(subscriber), secret.password())) {
			item.passwordDiffers();
			differs = true;
		}
		return differs ? item : null;
	}

	private static List<DriftItem> profiles(Set<UUID> plansInUse, Map<UUID, Plan> plans, List<PppProfile> profiles,
			Map<UUID, String> poolRanges, List<IpPool> pools) {
		Map<String, PppProfile> byName = new LinkedHashMap<>();
		profiles.forEach((profile) -> byName.put(profile.name(), profile));
		Map<String, String> poolsByName = new HashMap<>();
		pools.forEach((pool) -> poolsByName.put(pool.name(), pool.ranges()));
		List<DriftItem> items = new ArrayList<>();
		for (UUID planId : plansInUse) {
			Plan plan = plans.get(planId);
			if (plan == null) {
				continue;
			}
			String wanted = plan.rateLimit().toRouterOs();
			PppProfile profile = byName.get(plan.profileName());
			if (profile == null) {
				items.add(new DriftItem(DriftObject.PROFILE, DriftKind.MISSING, plan.profileName()).plan(plan.id())
					.rateLimit(wanted, null));
			}
			else {
				List<PlanProfile.Difference> differences = new ArrayList<>(PlanProfile.differences(plan, profile));
				String ranges = poolRanges.get(plan.id());
				String name = plan.profileSettings().remoteAddress();
				if (ranges != null && name != null) {
					String onRouter = poolsByName.get(name);
					if (onRouter == null || !sameRanges(ranges, onRouter)) {
						differences.add(new PlanProfile.Difference("poolRanges", ranges, onRouter));
					}
				}
				if (!differences.isEmpty()) {
					DriftItem item = new DriftItem(DriftObject.PROFILE, DriftKind.DIFFERENT, plan.profileName())
						.plan(plan.id());
					List<DriftDifference> settings = new ArrayList<>();
					for (PlanProfile.Difference difference : differences) {
						if (difference.field().equals("rateLimit")) {
							item.rateLimit(wanted, (profile.rateLimit() != null) ? profile.rateLimit() : "");
						}
						else {
							settings.add(new DriftDifference(difference.field(), difference.platform(),
									difference.router()));
						}
					}
					items.add(item.settings(settings));
				}
			}
		}
		return items;
	}

	private static boolean sameRanges(String platform, String router) {
		return platform.replace(" ", "").equals(router.replace(" ", ""));
	}

	/** Compares in constant time, so that timing never hints at a password. */
	private static boolean samePassword(String platform, String router) {
		return MessageDigest.isEqual(platform.getBytes(StandardCharsets.UTF_8),
				router.getBytes(StandardCharsets.UTF_8));
	}

}
