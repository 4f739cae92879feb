package io.towerline.core.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber's desired state. The PPPoE password is sealed; only its reference is
 * stored. The subscriber is linked to its router's secret by name (the PPPoE username,
 * unique on a router). The secret's comment belongs to whoever wrote it: the platform
 * marks the secrets it creates with {@link #managedComment()}; a subscriber adopted from
 * a router keeps the ISP's comment verbatim as {@link #routerComment()}, and the platform
 * never writes or compares it (ADR 0031).
 * <p>
 * Updates write only the columns that changed, so a staff change and the platform
 * confirming the secret on the router (which only turns PENDING into ACTIVE, without a
 * version bump) never overwrite or fail each other.
 */
@Entity
@DynamicUpdate
@Table(name = "subscriber")
public class Subscriber {

	/** Prefix of the router comment that marks a secret as managed by Towerline. */
	public static final String COMMENT_PREFIX = "towerline:";

	@Id
	private UUID id;

	@Column(nullable = false)
	private String username;

	@Column(name = "credential_ref", nullable = false)
	private String credentialReference;

	@Column(name = "plan_id", nullable = false)
	private UUID planId;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SubscriberStatus status;

	/**
	 * Null when loaded from a row whose contact columns are all null: Hibernate
	 * materialises an embeddable with only null columns as null, whatever the field was
	 * initialised to. {@link #contact()} hides that.
	 */
	@Embedded
	private @Nullable Contact contact = Contact.NONE;

	@Column(name = "expires_on")
	private @Nullable LocalDate expiresOn;

	private @Nullable String notes;

	/** Whether the platform writes (and compares) the secret's comment. */
	@Column(name = "owns_comment", nullable = false)
	private boolean ownsComment = true;

	/** The comment the ISP had on the secret when it was adopted, verbatim. */
	@Column(name = "router_comment")
	private @Nullable String routerComment;

	/**
	 * Set while the subscriber is being removed from its router; the row goes once the
	 * router agrees.
	 */
	@Column(name = "deleting", nullable = false)
	private boolean deleting;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Subscriber() {
		this.id = new UUID(0, 0);
		this.username = "";
		this.credentialReference = "";
		this.planId = this.id;
		this.routerId = this.id;
		this.status = SubscriberStatus.PENDING;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Subscriber(UUID id, String username, String credentialReference, UUID planId, UUID routerId,
			SubscriberProfile profile, Instant now) {
		this();
		this.id = id;
		this.username = username;
		this.credentialReference = credentialReference;
		this.planId = planId;
		this.routerId = routerId;
		this.createdAt = now;
		describe(profile, now);
	}

	public UUID id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	public String credentialReference() {
		return this.credentialReference;
	}

	public UUID planId() {
		return this.planId;
	}

	public UUID routerId() {
		return this.routerId;
	}

	public SubscriberStatus status() {
		return this.status;
	}

	public Contact contact() {
		return (this.contact != null) ? this.contact : Contact.NONE;
	}

	public @Nullable LocalDate expiresOn() {
		return this.expiresOn;
	}

	public @Nullable String notes() {
		return this.notes;
	}

	public boolean deleting() {
		return this.deleting;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * The comment the platform puts on the router's secret and expects there, or null
	 * when the comment is not the platform's (an adopted secret keeps the ISP's).
	 */
	public @Nullable String managedComment() {
		return this.ownsComment ? COMMENT_PREFIX + this.id : null;
	}

	/** Whether the platform owns the secret's comment (it wrote it). */
	public boolean ownsComment() {
		return this.ownsComment;
	}

	/**
	 * The ISP's comment on the secret when the subscriber was adopted from the router,
	 * kept verbatim; null for subscribers the platform created.
	 */
	public @Nullable String routerComment() {
		return this.routerComment;
	}

	void describe(SubscriberProfile profile, Instant now) {
		this.contact = profile.contact();
		this.expiresOn = profile.expiresOn();
		this.notes = profile.notes();
		this.updatedAt = now;
	}

	/**
	 * The secret's comment is the ISP's: keep it as the subscriber's data and never write
	 * or compare it.
	 */
	void leaveCommentToRouter(@Nullable String routerComment, Instant now) {
		this.ownsComment = false;
		// RouterOS does not tell an empty comment from none
		this.routerComment = (routerComment == null || routerComment.isEmpty()) ? null : routerComment;
		this.updatedAt = now;
	}

	void changeStatus(SubscriberStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	void changePlan(UUID planId, Instant now) {
		this.planId = planId;
		this.updatedAt = now;
	}

	void moveTo(UUID routerId, Instant now) {
		this.routerId = routerId;
		this.updatedAt = now;
	}

	void replaceCredentials(String credentialReference, Instant now) {
		this.credentialReference = credentialReference;
		this.updatedAt = now;
	}

	void markDeleting(Instant now) {
		this.deleting = true;
		this.updatedAt = now;
	}

}
