package io.towerline.core.drift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.PlanProfile;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.ProfileSettings;
import io.towerline.core.plan.RateLimit;
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

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the platform match the router for drift items. The router is read again first
 * (reports never hold passwords), plans for its profiles are found or created, and only
 * then are records changed, in the caller's transaction. Nothing is sent to the router
 * but {@code print}.
 */
@Component
class DriftAdoption {

	private final Routers routers;

	private final RouterAccess access;

	private final RouterPlans routerPlans;

	private final SubscriberRecords subscribers;

	private final Plans plans;

	private final Clock clock;

	DriftAdoption(Routers routers, RouterAccess access, RouterPlans routerPlans, SubscriberRecords subscribers,
			Plans plans, Clock clock) {
		this.routers = routers;
		this.access = access;
		this.routerPlans = routerPlans;
		this.subscribers = subscribers;
		this.plans = plans;
		this.clock = clock;
	}

	/** Reads the router and prepares the plans of the secrets' profiles. */
	RouterSide prepare(DriftReport report, List<DriftItem> items, Actor actor) {
		UUID routerId = report.routerId();
		RouterClient client = this.access.client(this.routers.get(routerId));
		Map<String, PppSecret> secrets = new HashMap<>();
		Map<String, PppProfile> profiles = new HashMap<>();
		try {
			new CommandContext(routerId, actor, null, null).call(() -> {
				client.pppSecrets().list().forEach((secret) -> secrets.put(secret.name(), secret));
				client.pppProfiles().list().forEach((profile) -> profiles.put(profile.name(), profile));
				return null;
			});
		}
		catch (RouterException ex) {
			throw new InvalidInputException(new FieldError("reportId", ErrorCode.INVALID_STATE,
					"The router could not be read: " + ex.code() + ": " + ex.getMessage()));
		}
		Map<String, RouterPlans.Outcome> plansByProfile = new HashMap<>();
		for (DriftItem item : items) {
			PppSecret secret = secrets.get(item.name());
			if (item.object() == DriftObject.SECRET && secret != null && profiles.containsKey(secret.profile())) {
				plansByProfile.computeIfAbsent(secret.profile(),
						(name) -> this.routerPlans.planFor(profiles.get(name)));
			}
		}
		return new RouterSide(routerId, secrets, profiles, plansByProfile);
	}

	/**
	 * Adopts what it can; the rest lands in {@code errors}.
	 * @return the items adopted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<DriftItem> apply(RouterSide side, List<DriftItem> items, Actor actor, List<FieldError> errors) {
		Set<String> taken = new HashSet<>();
		this.subscribers.byUsernamesIgnoringCase(items.stream().map(DriftItem::name).toList())
			.forEach((subscriber) -> taken.add(subscriber.username().toLowerCase(Locale.ROOT)));
		List<DriftItem> adopted = new ArrayList<>();
		for (DriftItem item : items) {
			String problem = (item.object() == DriftObject.PROFILE) ? adoptProfile(side, item, actor)
					: adoptSecret(side, item, taken);
			if (problem != null) {
				errors.add(DriftResolutions.error(item, problem));
				continue;
			}
			item.resolve(DriftItemState.ADOPTED, actor, null, this.clock.instant());
			adopted.add(item);
		}
		return adopted;
	}

	private @Nullable String adoptSecret(RouterSide side, DriftItem item, Set<String> taken) {
		PppSecret secret = side.secrets().get(item.name());
		if (secret == null) {
			return "it is no longer on the router";
		}
		RouterPlans.Outcome outcome = side.plans().get(secret.profile());
		Plan plan = (outcome != null) ? outcome.plan() : null;
		if (plan == null) {
			return (outcome != null) ? outcome.problem()
					: "its profile '" + secret.profile() + "' is not on the router";
		}
		if (item.kind() == DriftKind.UNMANAGED) {
			if (taken.contains(secret.name().toLowerCase(Locale.ROOT))) {
				return "a subscriber with this username already exists (on another router)";
			}
			try {
				PppoeUsername.of(secret.name());
			}
			catch (InvalidInputException ex) {
				return "the username is not accepted by the platform (1 to 64 letters, digits or . _ @ + -)";
			}
			Subscriber created = this.subscribers.adopt(secret.name(), secret.password(), plan.id(), side.routerId(),
					secret.disabled(), secret.comment());
			item.subscriber(created.id());
			taken.add(secret.name().toLowerCase(Locale.ROOT));
			return null;
		}
		Subscriber subscriber = this.subscribers.find(Objects.requireNonNull(item.subscriberId()))
			.filter((candidate) -> !candidate.deleting())
			.orElse(null);
		if (subscriber == null) {
			return "the subscriber no longer exists";
		}
		String password = this.subscribers.password(subscriber).equals(secret.password()) ? null : secret.password();
		this.subscribers.adoptRouterState(subscriber.id(), plan.id(), secret.disabled(), password);
		String comment = subscriber.managedComment();
		if (comment != null && !comment.equals(secret.comment())) {
			// the ISP rewrote the platform's comment: it becomes theirs (ADR 0031)
			this.subscribers.adoptRouterComment(subscriber.id(), secret.comment());
		}
		return null;
	}

	private @Nullable String adoptProfile(RouterSide side, DriftItem item, Actor actor) {
		PppProfile profile = side.profiles().get(item.name());
		if (profile == null || profile.rateLimit() == null || profile.rateLimit().isBlank()) {
			return "the router's profile has no rate-limit to adopt";
		}
		Plan plan = this.plans.findByProfileName(item.name()).orElse(null);
		if (plan == null) {
			return "the plan no longer exists";
		}
		PlanDetails details;
		try {
			details = PlanDetails.of(plan.name(), plan.profileName(), RateLimit.parse(profile.rateLimit()),
					plan.gracePlanId(), adoptedSettings(plan, profile));
		}
		catch (InvalidInputException ex) {
			return "the router's profile cannot be taken: " + ex.getMessage();
		}
		this.plans.update(plan.id(), details, actor);
		return null;
	}

	/**
	 * The router's settings; a pool the plan manages stays managed while the router's
	 * profile still hands addresses from it.
	 */
	private static ProfileSettings adoptedSettings(Plan plan, PppProfile profile) {
		ProfileSettings router = PlanProfile.settingsOf(profile);
		ProfileSettings current = plan.profileSettings();
		if (current.managesPool() && Objects.equals(current.remoteAddress(), router.remoteAddress())) {
			return new ProfileSettings(router.localAddress(), router.remoteAddress(), current.poolRanges(),
					router.dnsServers(), router.onlyOne(), router.addressList(), router.parentQueue(),
					router.sessionTimeout(), router.idleTimeout());
		}
		return router;
	}

	/**
	 * What the router holds now.
	 *
	 * @param routerId the router
	 * @param secrets its secrets by name
	 * @param profiles its profiles by name
	 * @param plans the plan (or why there is none) of each profile the secrets use
	 */
	record RouterSide(UUID routerId, Map<String, PppSecret> secrets, Map<String, PppProfile> profiles,
			Map<String, RouterPlans.Outcome> plans) {

	}

}
