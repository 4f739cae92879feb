package io.towerline.core.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.plan.PlanReferences;
import io.towerline.core.wording.Counted;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What provisioning needs of subscribers: the desired state including subscribers being
 * deleted, their passwords, and the bookkeeping once a router has caught up.
 */
@Service
@Transactional
public class SubscriberRecords implements PlanReferences {

	private final SubscriberRepository subscribers;

	private final SealedSecrets secrets;

	private final Clock clock;

	SubscriberRecords(SubscriberRepository subscribers, SealedSecrets secrets, Clock clock) {
		this.subscribers = subscribers;
		this.secrets = secrets;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Subscriber> find(UUID id) {
		return this.subscribers.findById(id);
	}

	@Transactional(readOnly = true)
	public List<Subscriber> findAll(Collection<UUID> ids) {
		return ids.isEmpty() ? List.of() : this.subscribers.findAllById(ids);
	}

	@Transactional(readOnly = true)
	public List<Subscriber> onRouter(UUID routerId) {
		return this.subscribers.findByRouterId(routerId);
	}

	@Transactional(readOnly = true)
	public List<Subscriber> onPlan(UUID planId) {
		return this.subscribers.findByPlanIdAndDeletingFalse(planId);
	}

	@Transactional(readOnly = true)
	public List<Subscriber> byUsernames(Collection<String> usernames) {
		return usernames.isEmpty() ? List.of() : this.subscribers.findByUsernameIn(usernames);
	}

	/** The subscribers whose usernames equal any of these, ignoring letter case. */
	@Transactional(readOnly = true)
	public List<Subscriber> byUsernamesIgnoringCase(Collection<String> usernames) {
		return usernames.isEmpty() ? List.of() : this.subscribers
			.findByLowerUsernameIn(usernames.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList());
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable String usageOf(UUID planId) {
		long count = this.subscribers.countByPlanId(planId);
		return (count > 0) ? Counted.of(count, "subscriber") : null;
	}

	/**
	 * The subscriber's PPPoE password; the caller must not keep it longer than the router
	 * command needs it.
	 */
	public String password(Subscriber subscriber) {
		return this.secrets.reveal(subscriber.credentialReference());
	}

	/**
	 * The router now holds the subscriber's secret: a PENDING subscriber becomes ACTIVE.
	 */
	public void confirmed(Collection<UUID> ids) {
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			this.subscribers.activatePending(all.subList(from, Math.min(all.size(), from + 1000)),
					this.clock.instant());
		}
	}

	/**
	 * The router no longer holds the secret of a subscriber being deleted: the record
	 * goes, with its password.
	 */
	public void removed(UUID id) {
		this.subscribers.findById(id).filter(Subscriber::deleting).ifPresent((subscriber) -> {
			this.subscribers.delete(subscriber);
			this.secrets.discardAfterCommit(subscriber.credentialReference());
		});
	}

	/**
	 * Records a subscriber adopted from a router (import or drift), already present
	 * there.
	 */
	public Subscriber adopt(String username, String password, UUID planId, UUID routerId, boolean disabled) {
		return adopt(username, password, planId, routerId, disabled, null);
	}

	/**
	 * Records a subscriber adopted from a router. The secret's comment is the ISP's: it
	 * is kept verbatim as the subscriber's {@link Subscriber#routerComment()} and the
	 * platform never writes or compares it (ADR 0031).
	 */
	public Subscriber adopt(String username, String password, UUID planId, UUID routerId, boolean disabled,
			@Nullable String routerComment) {
		String reference = this.secrets.seal(username, password.toCharArray());
		Instant now = this.clock.instant();
		Subscriber subscriber = new Subscriber(UUID.randomUUID(), username, reference, planId, routerId,
				new SubscriberProfile(Contact.NONE, null, null), now);
		subscriber.changeStatus(disabled ? SubscriberStatus.DISABLED : SubscriberStatus.ACTIVE, now);
		subscriber.leaveCommentToRouter(routerComment, now);
		return this.subscribers.save(subscriber);
	}

	/**
	 * Drift adoption of a changed comment: the router's comment becomes the subscriber's
	 * own data and the platform stops writing and comparing it.
	 */
	public Subscriber adoptRouterComment(UUID id, @Nullable String routerComment) {
		Subscriber subscriber = this.subscribers.findById(id)
			.orElseThrow(() -> new NotFoundException("Subscriber", id));
		subscriber.leaveCommentToRouter(routerComment, this.clock.instant());
		return subscriber;
	}

	/**
	 * Makes a subscriber's record match what its router holds (drift adoption), without
	 * enqueuing anything: the router already holds these values.
	 * @param planId the plan whose profile the router's secret uses
	 * @param disabled whether the router's secret is disabled
	 * @param password the router's password, or null to keep the sealed one
	 */
	public Subscriber adoptRouterState(UUID id, UUID planId, boolean disabled, @Nullable String password) {
		Subscriber subscriber = this.subscribers.findById(id)
			.orElseThrow(() -> new NotFoundException("Subscriber", id));
		Instant now = this.clock.instant();
		if (!subscriber.planId().equals(planId)) {
			subscriber.changePlan(planId, now);
		}
		if (disabled == subscriber.status().mayConnect()) {
			subscriber.changeStatus(disabled ? SubscriberStatus.DISABLED : SubscriberStatus.ACTIVE, now);
		}
		if (password != null) {
			subscriber.replaceCredentials(this.secrets.replace(subscriber.credentialReference(), subscriber.username(),
					password.toCharArray()), now);
		}
		return subscriber;
	}

}
