package io.towerline.core.subscriber;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.RouterCredentials;
import io.towerline.mikrotik.credentials.SealedCredential;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What provisioning needs of subscribers: the desired state including subscribers being
 * deleted, their passwords, and the bookkeeping once a router has caught up.
 */
@Service
@Transactional
public class SubscriberRecords {

	private final SubscriberRepository subscribers;

	private final CredentialVault vault;

	private final Clock clock;

	SubscriberRecords(SubscriberRepository subscribers, CredentialVault vault, Clock clock) {
		this.subscribers = subscribers;
		this.vault = vault;
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

	/**
	 * The subscriber's PPPoE password; the caller must not keep it longer than the router
	 * command needs it.
	 */
	public String password(Subscriber subscriber) {
		RouterCredentials credentials = this.vault.unseal(new SealedCredential(subscriber.credentialReference()));
		char[] password = credentials.password();
		try {
			return new String(password);
		}
		finally {
			Arrays.fill(password, '\0');
			credentials.wipe();
		}
	}

	/**
	 * The router now holds the subscriber's secret: a PENDING subscriber becomes ACTIVE.
	 */
	public void confirmed(Collection<UUID> ids) {
		this.subscribers.findAllById(ids).forEach((subscriber) -> {
			if (subscriber.status() == SubscriberStatus.PENDING) {
				subscriber.changeStatus(SubscriberStatus.ACTIVE, this.clock.instant());
			}
		});
	}

	/**
	 * The router no longer holds the secret of a subscriber being deleted: the record
	 * goes, with its password.
	 */
	public void removed(UUID id) {
		this.subscribers.findById(id).filter(Subscriber::deleting).ifPresent((subscriber) -> {
			this.subscribers.delete(subscriber);
			this.vault.discard(new SealedCredential(subscriber.credentialReference()));
		});
	}

	/**
	 * Records a subscriber adopted from a router (import or drift), already present
	 * there.
	 */
	public Subscriber adopt(String username, String password, UUID planId, UUID routerId, boolean disabled) {
		RouterCredentials credentials = new RouterCredentials(username, password.toCharArray());
		try {
			SealedCredential sealed = this.vault.seal(credentials);
			Subscriber subscriber = new Subscriber(UUID.randomUUID(), username, sealed.reference(), planId, routerId,
					SubscriberProfile.of(null, null, null, null, null, "Imported from the router"),
					this.clock.instant());
			subscriber.changeStatus(disabled ? SubscriberStatus.DISABLED : SubscriberStatus.ACTIVE,
					this.clock.instant());
			return this.subscribers.save(subscriber);
		}
		finally {
			credentials.wipe();
		}
	}

}
