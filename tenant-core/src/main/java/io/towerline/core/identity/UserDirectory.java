package io.towerline.core.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.OnMainCluster;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users of one realm: a tenant's staff, or (realm {@code null}) the platform admins.
 * Every method takes the realm it acts in; a user of another realm is NOT_FOUND, exactly
 * like one that does not exist. Changes are recorded in the security event log by
 * {@code actor}.
 */
// platform tables only: served from main whichever tenant is bound (issue 14, ADR 0183)
@OnMainCluster
@Service
public class UserDirectory {

	/** Stable order for pages: by user name, then id. */
	public static final Sort ORDER = Sort.by("username", "id");

	private final UserAccountRepository users;

	private final PasswordEncoder passwords;

	private final SecurityEventLog audit;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserDirectory(UserAccountRepository users, PasswordEncoder passwords, SecurityEventLog audit,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a user.
	 * @param password the chosen password, or null to generate one (returned once)
	 * @throws InvalidInputException when a value breaks the rules or the user name is
	 * taken
	 */
	public Issued<UserAccount> create(Actor actor, @Nullable TenantId realm, String username, String email,
			Set<String> roles, @Nullable String password) {
		List<FieldError> errors = new ArrayList<>();
		String name = IdentityRules.username(username, errors);
		String mail = IdentityRules.email(email, errors);
		IdentityRules.password(password, errors);
		Set<String> granted = IdentityRules.roles(roles,
				(realm != null) ? RoleNames.TENANT_USER : Set.of(RoleNames.PLATFORM_ADMIN), errors);
		IdentityRules.check(errors);
		String secret = (password != null) ? password : SecretGenerator.password();
		UserAccount user = this.transactions.execute((tx) -> {
			if (this.users.existsByUsername(name)) {
				throw new InvalidInputException(
						new FieldError("username", ErrorCode.DUPLICATE, "The user name '" + name + "' is taken"));
			}
			UserAccount created = this.users.saveAndFlush(
					new UserAccount(name, mail, realm, granted, this.passwords.encode(secret), this.clock.instant()));
			this.audit.record(SecurityEventType.USER_CREATED, realm, actor, name, "roles " + RoleNames.join(granted));
			return created;
		});
		return new Issued<>(user, (password != null) ? null : secret);
	}

	/**
	 * Checks a user name and e-mail address for a user about to be created, before other
	 * work that should not happen when they are unacceptable.
	 * @param fieldPrefix prefix of the field names in the errors (for nested inputs)
	 * @throws InvalidInputException when a value breaks the rules or the name is taken
	 */
	public void checkNewUser(String username, String email, String fieldPrefix) {
		List<FieldError> errors = new ArrayList<>();
		String name = IdentityRules.username(username, errors);
		IdentityRules.email(email, errors);
		if (errors.isEmpty() && this.users.existsByUsername(name)) {
			errors.add(new FieldError("username", ErrorCode.DUPLICATE, "The user name '" + name + "' is taken"));
		}
		IdentityRules.check(errors.stream()
			.map((error) -> new FieldError(fieldPrefix + error.field(), error.code(), error.message()))
			.toList());
	}

	/**
	 * Creates the first platform admin unless the platform realm already has a user.
	 * @return the admin with its generated password (when none was given), or empty when
	 * one existed
	 */
	public Optional<Issued<UserAccount>> createFirstPlatformAdmin(String username, String email,
			@Nullable String password) {
		if (this.users.existsByTenantIsNull()) {
			return Optional.empty();
		}
		return Optional
			.of(create(Actor.of("system"), null, username, email, Set.of(RoleNames.PLATFORM_ADMIN), password));
	}

	public UserAccount disable(Actor actor, @Nullable TenantId realm, UUID id) {
		return change(actor, realm, id, SecurityEventType.USER_DISABLED, null, (user) -> {
			if (user.username().equals(actor)) {
				throw new InvalidInputException(
						new FieldError("id", ErrorCode.INVALID_STATE, "You cannot disable yourself"));
			}
			user.enable(false, this.clock.instant());
		});
	}

	public UserAccount enable(Actor actor, @Nullable TenantId realm, UUID id) {
		return change(actor, realm, id, SecurityEventType.USER_ENABLED, null,
				(user) -> user.enable(true, this.clock.instant()));
	}

	public UserAccount changeRoles(Actor actor, @Nullable TenantId realm, UUID id, Set<String> roles) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> granted = IdentityRules.roles(roles,
				(realm != null) ? RoleNames.TENANT_USER : Set.of(RoleNames.PLATFORM_ADMIN), errors);
		IdentityRules.check(errors);
		return change(actor, realm, id, SecurityEventType.ROLE_CHANGED, "roles " + RoleNames.join(granted),
				(user) -> user.changeRoles(granted, this.clock.instant()));
	}

	/**
	 * Gives the user a new generated password, returned once; older tokens stop working.
	 */
	public Issued<UserAccount> resetPassword(Actor actor, @Nullable TenantId realm, UUID id) {
		String secret = SecretGenerator.password();
		UserAccount user = change(actor, realm, id, SecurityEventType.PASSWORD_RESET, null,
				(account) -> account.changePassword(this.passwords.encode(secret), this.clock.instant()));
		return new Issued<>(user, secret);
	}

	public UserAccount get(@Nullable TenantId realm, UUID id) {
		return this.users.findByIdAndTenant(id, slug(realm)).orElseThrow(() -> new NotFoundException("User", id));
	}

	public Window<UserAccount> list(@Nullable TenantId realm, ScrollPosition position, int limit) {
		return this.users.findByTenant(slug(realm), position, Limit.of(limit), ORDER);
	}

	/** The user signing in with {@code username} (any realm), if there is one. */
	public Optional<UserAccount> findByUsername(String username) {
		return this.users.findByUsername(username.strip().toLowerCase(Locale.ROOT));
	}

	public long count(TenantId tenant) {
		return this.users.countByTenant(tenant.slug());
	}

	private UserAccount change(Actor actor, @Nullable TenantId realm, UUID id, SecurityEventType type,
			@Nullable String detail, Consumer<UserAccount> change) {
		UserAccount user = this.transactions.execute((tx) -> {
			UserAccount current = get(realm, id);
			change.accept(current);
			UserAccount saved = this.users.saveAndFlush(current);
			this.audit.record(type, realm, actor, saved.username(), detail);
			return saved;
		});
		this.events.publishEvent(new AccessChanged(PrincipalKind.USER, user.username()));
		return user;
	}

	private static @Nullable String slug(@Nullable TenantId realm) {
		return (realm != null) ? realm.slug() : null;
	}

}
