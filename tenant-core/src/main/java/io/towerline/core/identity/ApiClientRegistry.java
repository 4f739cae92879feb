package io.towerline.core.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's API clients. The secret is generated here and returned once; only its hash
 * is stored. Another tenant's client is NOT_FOUND, exactly like one that does not exist.
 */
// platform tables only: served from main whichever tenant is bound (issue 14, ADR 0183)
@OnMainCluster
@Service
public class ApiClientRegistry {

	/** Stable order for pages: by name, then id. */
	public static final Sort ORDER = Sort.by("name", "id");

	private final ApiClientRepository clients;

	private final PasswordEncoder passwords;

	private final SecurityEventLog audit;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiClientRegistry(ApiClientRepository clients, PasswordEncoder passwords, SecurityEventLog audit,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.clients = clients;
		this.passwords = passwords;
		this.audit = audit;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a client with a generated id and secret (the secret is returned once). */
	public Issued<ApiClient> create(Actor actor, TenantId tenant, String name, Set<String> roles) {
		List<FieldError> errors = new ArrayList<>();
		String cleanName = IdentityRules.name(name, errors);
		Set<String> granted = IdentityRules.roles(roles, RoleNames.API_CLIENT, errors);
		IdentityRules.check(errors);
		String secret = SecretGenerator.clientSecret();
		ApiClient client = this.transactions.execute((tx) -> {
			ApiClient created = this.clients.saveAndFlush(new ApiClient(SecretGenerator.clientId(), cleanName, tenant,
					granted, this.passwords.encode(secret), this.clock.instant()));
			this.audit.record(SecurityEventType.CLIENT_CREATED, tenant, actor, created.clientId(),
					"'" + cleanName + "' with roles " + RoleNames.join(granted));
			return created;
		});
		return new Issued<>(client, secret);
	}

	/**
	 * Replaces the secret (returned once); the old secret and tokens issued with it stop
	 * working.
	 */
	public Issued<ApiClient> rotateSecret(Actor actor, TenantId tenant, UUID id) {
		String secret = SecretGenerator.clientSecret();
		ApiClient client = change(actor, tenant, id, SecurityEventType.CLIENT_SECRET_ROTATED,
				(current) -> current.changeSecret(this.passwords.encode(secret), this.clock.instant()));
		return new Issued<>(client, secret);
	}

	/** Revokes the client for good; its tokens stop working within seconds. */
	public ApiClient revoke(Actor actor, TenantId tenant, UUID id) {
		return change(actor, tenant, id, SecurityEventType.CLIENT_REVOKED,
				(current) -> current.revoke(this.clock.instant()));
	}

	public ApiClient get(TenantId tenant, UUID id) {
		return this.clients.findByIdAndTenant(id, tenant.slug())
			.orElseThrow(() -> new NotFoundException("API client", id));
	}

	public Window<ApiClient> list(TenantId tenant, ScrollPosition position, int limit) {
		return this.clients.findByTenant(tenant.slug(), position, Limit.of(limit), ORDER);
	}

	/** The client authenticating as {@code clientId}, revoked or not. */
	public Optional<ApiClient> findByClientId(String clientId) {
		return this.clients.findByClientId(clientId);
	}

	/** API clients of the tenant that are not revoked. */
	public long countActive(TenantId tenant) {
		return this.clients.countByTenantAndRevokedAtIsNull(tenant.slug());
	}

	private ApiClient change(Actor actor, TenantId tenant, UUID id, SecurityEventType type,
			Consumer<ApiClient> change) {
		ApiClient client = this.transactions.execute((tx) -> {
			ApiClient current = get(tenant, id);
			if (current.revoked()) {
				throw new InvalidInputException(
						new FieldError("id", ErrorCode.INVALID_STATE, "The API client is revoked"));
			}
			change.accept(current);
			ApiClient saved = this.clients.saveAndFlush(current);
			this.audit.record(type, tenant, actor, saved.clientId(), null);
			return saved;
		});
		this.events.publishEvent(new AccessChanged(PrincipalKind.CLIENT, client.clientId()));
		return client;
	}

}
