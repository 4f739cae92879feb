package io.towerline.core.session;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.usage.Counters;
import io.towerline.mikrotik.client.RouterClient;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kicking a session: a durable DISCONNECT_SESSION operation (retried, audited in the
 * command log with who asked), enqueued together with the mark that makes the session's
 * end read as KICKED whichever replica's tracker sees it end. Kicking removes the user
 * name's {@code /ppp/active} entry; one already gone counts as done.
 */
@Service
public class SessionDisconnect implements OperationHandler {

	private final OnlineSessions sessions;

	private final SessionStore store;

	private final RouterOperations operations;

	private final Routers routers;

	private final RouterAccess access;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SessionDisconnect(OnlineSessions sessions, SessionStore store, RouterOperations operations, Routers routers,
			RouterAccess access, PlatformTransactionManager transactions, Clock clock) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.sessions = sessions;
		this.store = store;
		this.operations = operations;
		this.routers = routers;
		this.access = access;
	}

	/**
	 * Enqueues the kick of an online session of the current tenant.
	 * @throws io.towerline.core.error.NotFoundException when no such session is online
	 */
	@Transactional
	public RouterOperation disconnect(UUID sessionId, Actor actor) {
		OnlineSession session = this.sessions.get(sessionId);
		this.store.markEnding(session.id(), SessionEndReason.KICKED);
		return this.operations.enqueue(OperationRequest.disconnectSession(session.routerId(), session.subscriberId(),
				session.username(), actor));
	}

	@Override
	public Set<OperationKind> kinds() {
		return Set.of(OperationKind.DISCONNECT_SESSION);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		String username = Objects.requireNonNull(operation.subject());
		boolean kicked = new CommandContext(operation.routerId(), Actor.of(operation.requestedBy()), operation.id(),
				username)
			.call(() -> kick(operation.routerId(), username));
		return kicked ? null : "The session had already ended";
	}

	/**
	 * Reads the session's interface counters, keeps them on its row (committed before the
	 * kick, so whichever tracker sees the end accounts the traffic since its last sample:
	 * ADR 0134), then kicks it.
	 * @return false when no session of the user name was online
	 */
	boolean kick(UUID routerId, String username) {
		RouterClient client = this.access.client(this.routers.get(routerId));
		client.interfaces()
			.pppoeInterface(username)
			.ifPresent(
					(counted) -> this.ownTransaction
						.executeWithoutResult((tx) -> this.store.markFinalReading(routerId, username,
								new SessionStore.FinalReading(new Counters(counted.rxBytes(), counted.txBytes(),
										counted.rxPackets(), counted.txPackets()), counted.id(),
										this.clock.instant()))));
		return client.pppActive().kick(username);
	}

}
