package io.towerline.core.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One difference between a router and the desired state. For a DIFFERENT item only the
 * fields that differ are set; for MISSING the platform's values, for UNMANAGED the
 * router's. Passwords are never stored: only whether they differ.
 */
@Entity
@Table(name = "drift_item")
public class DriftItem {

	@Id
	private UUID id;

	@Column(name = "report_id", nullable = false)
	private UUID reportId;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DriftObject object;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DriftKind kind;

	@Column(nullable = false)
	private String name;

	@Column(name = "subscriber_id")
	private @Nullable UUID subscriberId;

	@Column(name = "plan_id")
	private @Nullable UUID planId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DriftItemState state;

	@Column(name = "platform_profile")
	private @Nullable String platformProfile;

	@Column(name = "router_profile")
	private @Nullable String routerProfile;

	@Column(name = "platform_disabled")
	private @Nullable Boolean platformDisabled;

	@Column(name = "router_disabled")
	private @Nullable Boolean routerDisabled;

	@Column(name = "password_differs", nullable = false)
	private boolean passwordDiffers;

	@Column(name = "platform_comment")
	private @Nullable String platformComment;

	@Column(name = "router_comment")
	private @Nullable String routerComment;

	@Column(name = "platform_rate_limit")
	private @Nullable String platformRateLimit;

	@Column(name = "router_rate_limit")
	private @Nullable String routerRateLimit;

	/**
	 * Profile settings besides the rate that differ: one
	 * {@code field<TAB>platform<TAB>router} line each, an absent value written empty.
	 */
	@Column(name = "settings_differences")
	private @Nullable String settingsDifferences;

	@Column(name = "resolved_at")
	private @Nullable Instant resolvedAt;

	@Column(name = "resolved_by")
	private @Nullable String resolvedBy;

	@Column(name = "operation_id")
	private @Nullable UUID operationId;

	/** Null until persisted, which tells Spring Data to insert without a merge. */
	@Version
	private @Nullable Long version;

	protected DriftItem() {
		this.id = new UUID(0, 0);
		this.reportId = this.id;
		this.routerId = this.id;
		this.object = DriftObject.SECRET;
		this.kind = DriftKind.MISSING;
		this.name = "";
		this.state = DriftItemState.OPEN;
	}

	DriftItem(DriftObject object, DriftKind kind, String name) {
		this();
		this.id = UUID.randomUUID();
		this.object = object;
		this.kind = kind;
		this.name = name;
	}

	DriftItem subscriber(@Nullable UUID subscriberId) {
		this.subscriberId = subscriberId;
		return this;
	}

	DriftItem plan(@Nullable UUID planId) {
		this.planId = planId;
		return this;
	}

	DriftItem profile(@Nullable String platform, @Nullable String router) {
		this.platformProfile = platform;
		this.routerProfile = router;
		return this;
	}

	DriftItem disabled(@Nullable Boolean platform, @Nullable Boolean router) {
		this.platformDisabled = platform;
		this.routerDisabled = router;
		return this;
	}

	DriftItem passwordDiffers() {
		this.passwordDiffers = true;
		return this;
	}

	DriftItem comment(@Nullable String platform, @Nullable String router) {
		this.platformComment = clip(platform);
		this.routerComment = clip(router);
		return this;
	}

	DriftItem rateLimit(@Nullable String platform, @Nullable String router) {
		this.platformRateLimit = platform;
		this.routerRateLimit = router;
		return this;
	}

	DriftItem settings(List<DriftDifference> differences) {
		StringBuilder lines = new StringBuilder();
		for (DriftDifference difference : differences) {
			lines.append(difference.field())
				.append('\t')
				.append(tabless(difference.platformValue()))
				.append('\t')
				.append(tabless(difference.routerValue()))
				.append('\n');
		}
		this.settingsDifferences = lines.isEmpty() ? null : clip(lines.toString());
		return this;
	}

	private static String tabless(@Nullable String value) {
		return (value != null) ? value.replace('\t', ' ').replace('\n', ' ') : "";
	}

	void belongTo(DriftReport report, boolean ignored) {
		this.reportId = report.id();
		this.routerId = report.routerId();
		this.state = ignored ? DriftItemState.IGNORED : DriftItemState.OPEN;
	}

	void resolve(DriftItemState state, Actor actor, @Nullable UUID operationId, Instant now) {
		this.state = state;
		this.resolvedBy = actor.value();
		this.resolvedAt = now;
		this.operationId = operationId;
	}

	void reopen(Actor actor, Instant now) {
		resolve(DriftItemState.OPEN, actor, null, now);
	}

	/** What later checks match ignore rules on: router, object, kind and name. */
	IgnoreKey ignoreKey() {
		return new IgnoreKey(this.object, this.kind, this.name);
	}

	/**
	 * What the item found, without when, where or what was done about it: two checks'
	 * items with equal findings saw the same drift (ADR 0267).
	 */
	Finding finding() {
		return new Finding(ignoreKey(), this.subscriberId, this.planId, this.platformProfile, this.routerProfile,
				this.platformDisabled, this.routerDisabled, this.passwordDiffers, this.platformComment,
				this.routerComment, this.platformRateLimit, this.routerRateLimit, this.settingsDifferences);
	}

	public UUID id() {
		return this.id;
	}

	public UUID reportId() {
		return this.reportId;
	}

	public UUID routerId() {
		return this.routerId;
	}

	public DriftObject object() {
		return this.object;
	}

	public DriftKind kind() {
		return this.kind;
	}

	/** The secret's or the profile's name. */
	public String name() {
		return this.name;
	}

	/** The subscriber this secret belongs to, when the platform has one. */
	public @Nullable UUID subscriberId() {
		return this.subscriberId;
	}

	/** The plan this profile belongs to, when the platform has one. */
	public @Nullable UUID planId() {
		return this.planId;
	}

	public DriftItemState state() {
		return this.state;
	}

	public @Nullable Instant resolvedAt() {
		return this.resolvedAt;
	}

	public @Nullable String resolvedBy() {
		return this.resolvedBy;
	}

	/** The operation enqueued by a push. */
	public @Nullable UUID operationId() {
		return this.operationId;
	}

	/** The router's profile name of the secret, when known. */
	@Nullable String routerProfile() {
		return this.routerProfile;
	}

	/** The fields this item is about. Passwords are never revealed. */
	public List<DriftDifference> differences() {
		List<DriftDifference> differences = new ArrayList<>();
		if (this.platformProfile != null || this.routerProfile != null) {
			differences.add(new DriftDifference("profile", this.platformProfile, this.routerProfile));
		}
		if (this.platformDisabled != null || this.routerDisabled != null) {
			differences.add(new DriftDifference("disabled", text(this.platformDisabled), text(this.routerDisabled)));
		}
		if (this.passwordDiffers) {
			differences.add(new DriftDifference("password", null, null));
		}
		if (this.platformComment != null || this.routerComment != null) {
			differences.add(new DriftDifference("comment", this.platformComment, this.routerComment));
		}
		if (this.platformRateLimit != null || this.routerRateLimit != null) {
			differences.add(new DriftDifference("rateLimit", this.platformRateLimit, this.routerRateLimit));
		}
		if (this.settingsDifferences != null) {
			for (String line : this.settingsDifferences.split("\n")) {
				String[] parts = line.split("\t", -1);
				if (parts.length == 3) {
					differences.add(new DriftDifference(parts[0], emptyAsNull(parts[1]), emptyAsNull(parts[2])));
				}
			}
		}
		return differences;
	}

	private static @Nullable String emptyAsNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static @Nullable String text(@Nullable Boolean value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable String clip(@Nullable String value) {
		return (value != null && value.length() > 2000) ? value.substring(0, 2000) : value;
	}

	/**
	 * What identifies an item across checks of one router.
	 *
	 * @param object secret or profile
	 * @param kind missing, unmanaged or different
	 * @param name the secret's or profile's name
	 */
	record IgnoreKey(DriftObject object, DriftKind kind, String name) {

	}

	/** An item's object, kind and name with every value it compared, as found. */
	record Finding(IgnoreKey key, @Nullable UUID subscriberId, @Nullable UUID planId, @Nullable String platformProfile,
			@Nullable String routerProfile, @Nullable Boolean platformDisabled, @Nullable Boolean routerDisabled,
			boolean passwordDiffers, @Nullable String platformComment, @Nullable String routerComment,
			@Nullable String platformRateLimit, @Nullable String routerRateLimit,
			@Nullable String settingsDifferences) {

	}

}
