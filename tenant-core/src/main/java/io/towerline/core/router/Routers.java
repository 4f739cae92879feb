package io.towerline.core.router;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.PopReferences;
import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.credentials.CredentialSource;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.credentials.SealedCredential;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's routers. Passwords are sealed ({@link SealedSecrets}) the moment
 * they arrive; only the opaque reference is stored, and it is discarded when replaced or
 * when the router is deleted.
 */
@Service
@Transactional
public class Routers implements PopReferences {

	public static final Sort ORDER = Sort.by("name", "id");

	private static final Logger log = LoggerFactory.getLogger(Routers.class);

	private final RouterRepository routers;

	private final PointsOfPresence pops;

	private final SealedSecrets secrets;

	private final RouterAccess access;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<RouterReferences> references;

	private final RouterCheckAllowance checks;

	Routers(RouterRepository routers, PointsOfPresence pops, SealedSecrets secrets, RouterAccess access, Clock clock,
			TransactionTemplate transactions, ApplicationEventPublisher events,
			ObjectProvider<RouterReferences> references, RouterCheckAllowance checks) {
		this.checks = checks;
		this.routers = routers;
		this.pops = pops;
		this.secrets = secrets;
		this.access = access;
		this.clock = clock;
		this.transactions = transactions;
		this.events = events;
		this.references = references;
	}

	/**
	 * Every router id of the current tenant in a stable order, for sweeps (ADR 0266).
	 * @return the ids, ordered by id
	 */
	@Transactional(readOnly = true)
	public List<UUID> ids() {
		return this.routers.findAllIds();
	}

	@Transactional(readOnly = true)
	public Window<Router> list(ScrollPosition position, int limit) {
		return this.routers.findBy(position, Limit.of(limit), ORDER);
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public Router get(UUID id) {
		return this.routers.findById(id).orElseThrow(() -> new NotFoundException("Router", id));
	}

	// findAllById rather than a derived "IdIn" query: Hibernate caches the plan of the
	// former, and translated the latter to SQL again on every subscriber list
	@Transactional(readOnly = true)
	public List<Router> getAll(List<UUID> ids) {
		return ids.isEmpty() ? List.of() : this.routers.findAllById(ids);
	}

	/** Every router id by lower-cased name, for imports that name routers. */
	@Transactional(readOnly = true)
	public Map<String, UUID> idsByName() {
		Map<String, UUID> ids = new HashMap<>();
		this.routers.findAll().forEach((router) -> ids.put(router.name().toLowerCase(Locale.ROOT), router.id()));
		return ids;
	}

	/** The routers standing at a POP. */
	@Transactional(readOnly = true)
	public List<Router> atPop(UUID popId) {
		return this.routers.findByPopId(popId);
	}

	/** Adds a router; the password is sealed and never stored in clear. */
	public Router create(RouterDetails details, String password) {
		return create(UUID.randomUUID(), details, password);
	}

	private Router create(UUID id, RouterDetails details, String password) {
		char[] secret = RouterDetails.password(password);
		checkReferences(details, null);
		String reference = this.secrets.seal(details.username(), secret);
		return this.routers.saveAndFlush(new Router(id, details, reference, this.clock.instant()));
	}

	/**
	 * Adds a router after proving that it answers with these credentials (ADR 0045), on a
	 * connection of its own and outside any transaction. With {@code verify} false the
	 * router is added unchecked (one not installed yet); its health then stays UNKNOWN
	 * until checked. The check's commands are on record as {@code actor}'s, under the id
	 * the router gets when it is added.
	 * @throws InvalidInputException with ROUTER_AUTH_FAILED (password),
	 * ROUTER_TLS_UNTRUSTED (certificateFingerprint) or ROUTER_UNREACHABLE (host) when the
	 * check fails, besides the usual validation errors
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Router create(RouterDetails details, String password, boolean verify, Actor actor) {
		RouterDetails.password(password);
		this.transactions.executeWithoutResult((tx) -> checkReferences(details, null));
		UUID id = UUID.randomUUID();
		RouterFacts facts = verify
				? verify(id, details, new UsernamePassword(details.username(), RouterDetails.password(password)), actor)
				: null;
		return this.transactions.execute((tx) -> {
			Router router = create(id, details, password);
			if (facts != null) {
				router.health().seen(facts, this.clock.instant());
			}
			return router;
		});
	}

	/**
	 * Changes a router; when its address, TLS settings, username or password change, the
	 * new ones are proven first as in
	 * {@link #create(RouterDetails, String, boolean, Actor)}.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Router update(UUID id, RouterDetails details, @Nullable String password, boolean verify, Actor actor) {
		Router current = this.transactions.execute((tx) -> {
			Router router = get(id);
			checkReferences(details, id);
			requirePasswordForNewUsername(router, details, password);
			return router;
		});
		RouterFacts facts = null;
		if (verify && (password != null || connectionChanges(current, details))) {
			CredentialSource credentials = (password != null)
					? new UsernamePassword(details.username(), RouterDetails.password(password))
					: new SealedCredential(current.credentialReference());
			facts = verify(id, details, credentials, actor);
		}
		RouterFacts verified = facts;
		return this.transactions.execute((tx) -> {
			Router router = update(id, details, password);
			if (verified != null) {
				router.health().seen(verified, this.clock.instant());
			}
			return router;
		});
	}

	/**
	 * Changes a router. A {@code null} password keeps the stored one (unless the username
	 * changed, which needs the password again).
	 */
	public Router update(UUID id, RouterDetails details, @Nullable String password) {
		Router router = get(id);
		checkReferences(details, id);
		requirePasswordForNewUsername(router, details, password);
		if (password != null || connectionChanges(router, details)) {
			this.events.publishEvent(new RouterConnectionChanged(id));
		}
		this.access.forget(router);
		String previous = router.credentialReference();
		router.apply(details, this.clock.instant());
		if (password != null) {
			router.replaceCredentials(
					this.secrets.replace(previous, details.username(), RouterDetails.password(password)),
					this.clock.instant());
		}
		return this.routers.saveAndFlush(router);
	}

	/**
	 * Marks a router as a simulator (or not); the embedded demo marks its own, so they
	 * are labelled wherever routers appear.
	 */
	public Router markSimulated(UUID id, boolean simulated) {
		Router router = get(id);
		router.markSimulated(simulated, this.clock.instant());
		return this.routers.saveAndFlush(router);
	}

	public void delete(UUID id) {
		Router router = get(id);
		for (RouterReferences reference : this.references.orderedStream().toList()) {
			String usage = reference.usageOf(id);
			if (usage != null) {
				throw new InvalidInputException(new FieldError("id", ErrorCode.INVALID_STATE,
						"The router '" + router.name() + "' still serves " + usage + "; move or delete them first"));
			}
		}
		this.access.forget(router);
		this.routers.delete(router);
		this.secrets.discardAfterCommit(router.credentialReference());
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable String usageOf(UUID popId) {
		return this.routers.existsByPopId(popId) ? "routers" : null;
	}

	private RouterFacts verify(UUID id, RouterDetails details, CredentialSource credentials, Actor actor) {
		try {
			this.checks.take();
			return new CommandContext(id, actor, null, null).call(() -> this.access.probe(details, credentials));
		}
		catch (RouterCheckAllowance.RouterChecksExhaustedException ex) {
			throw new InvalidInputException(new FieldError("host", ex.code(), ex.getMessage()));
		}
		catch (RouterAuthenticationException ex) {
			throw new InvalidInputException(new FieldError("password", ErrorCode.ROUTER_AUTH_FAILED,
					"The router refused the username or password (" + ex.getMessage() + ")"));
		}
		catch (RouterUnreachableException ex) {
			if (ex.reason() == RouterUnreachableException.Reason.TLS_UNTRUSTED) {
				throw new InvalidInputException(new FieldError("certificateFingerprint", ErrorCode.ROUTER_TLS_UNTRUSTED,
						"The router's certificate is not trusted (" + ex.getMessage() + ")"));
			}
			throw unreachable(ex);
		}
		catch (RouterException ex) {
			throw unreachable(ex);
		}
		finally {
			if (credentials instanceof UsernamePassword direct) {
				direct.wipe();
			}
		}
	}

	private static InvalidInputException unreachable(RouterException ex) {
		// the tenant reads one message whatever failed (ADR 0212); the detail is for us
		log.info("Router check at {} failed: {}", ex.router(), RouterFailureDetail.of(ex));
		return new InvalidInputException(new FieldError("host", ErrorCode.ROUTER_UNREACHABLE,
				"The router could not be reached (" + ex.getMessage() + "). Check the host, the port and that its API"
						+ " service is on, or add the router without checking the connection"));
	}

	private static boolean connectionChanges(Router router, RouterDetails details) {
		return !router.host().equals(details.host()) || router.port() != details.port()
				|| router.apiSsl() != details.apiSsl()
				|| !Objects.equals(router.certificateFingerprint(), details.certificateFingerprint())
				|| !router.username().equals(details.username());
	}

	private static void requirePasswordForNewUsername(Router router, RouterDetails details, @Nullable String password) {
		if (!router.username().equals(details.username()) && password == null) {
			throw new InvalidInputException(
					FieldError.invalid("password", "Give the password again when changing the username"));
		}
	}

	private void checkReferences(RouterDetails details, @Nullable UUID id) {
		boolean duplicate = (id == null) ? this.routers.existsByNameIgnoreCase(details.name())
				: this.routers.existsByNameIgnoreCaseAndIdNot(details.name(), id);
		if (duplicate) {
			throw new InvalidInputException(new FieldError("name", ErrorCode.DUPLICATE,
					"A router named '" + details.name() + "' already exists"));
		}
		if (details.popId() != null) {
			try {
				this.pops.get(details.popId());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException(new FieldError("popId", ErrorCode.NOT_FOUND, "No such POP"));
			}
		}
	}

}
