package io.towerline.api.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.api.session.Connections.Edge;
import io.towerline.api.session.Connections.PageInfo;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.session.EndedSession;
import io.towerline.core.session.SessionEndReason;
import io.towerline.core.session.SessionHistory;
import io.towerline.core.session.SessionHistoryFilter;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Ended sessions, for every tenant role: the tenant's history and a subscriber's. */
@Controller
class SessionHistoryController {

	private static final String LIST = "history";

	private final SessionHistory history;

	private final Routers routers;

	private final SubscriberRecords subscribers;

	SessionHistoryController(SessionHistory history, Routers routers, SubscriberRecords subscribers) {
		this.history = history;
		this.routers = routers;
		this.subscribers = subscribers;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Connection sessionHistory(@Argument @Nullable FilterInput filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return page((filter != null) ? filter.criteria() : new SessionHistoryFilter(null, null, null, null, null, null),
				first, after);
	}

	@SchemaMapping(typeName = "Subscriber", field = "sessions")
	Connection sessions(Subscriber subscriber, @Argument @Nullable Integer first, @Argument @Nullable String after) {
		return page(SessionHistoryFilter.ofSubscriber(subscriber.id()), first, after);
	}

	private Connection page(SessionHistoryFilter filter, @Nullable Integer first, @Nullable String after) {
		int size = PageSize.of(first);
		SessionHistory.Position from = null;
		if (after != null) {
			SessionCursors.Position position = SessionCursors.decode(after, LIST);
			from = new SessionHistory.Position(position.at(), position.id());
		}
		List<EndedSession> page = this.history.list(filter, from, size + 1);
		List<Edge<EndedSession>> edges = Connections.edges(page, size, (session) -> SessionCursors
			.encode(new SessionCursors.Position(LIST, session.logoutAt(), "", session.id())));
		return new Connection(edges, Connections.pageInfo(edges, page.size() > size, after != null));
	}

	@SchemaMapping(typeName = "EndedSession", field = "durationSeconds")
	long durationSeconds(EndedSession session) {
		return Math.max(0, session.duration().toSeconds());
	}

	@SchemaMapping(typeName = "EndedSession", field = "endReason")
	SessionEndReason endReason(EndedSession session) {
		return session.reason();
	}

	@BatchMapping(typeName = "EndedSession", field = "router")
	Map<EndedSession, Router> router(List<EndedSession> sessions) {
		Map<UUID, Router> byId = this.routers.getAll(sessions.stream().map(EndedSession::routerId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Router::id, Function.identity()));
		return sessions.stream()
			.filter((session) -> byId.containsKey(session.routerId()))
			.collect(Collectors.toMap(Function.identity(), (session) -> byId.get(session.routerId())));
	}

	@BatchMapping(typeName = "EndedSession", field = "subscriber")
	Map<EndedSession, Subscriber> subscriber(List<EndedSession> sessions) {
		Map<UUID, Subscriber> byId = this.subscribers
			.findAll(sessions.stream().map(EndedSession::subscriberId).filter((id) -> id != null).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		return sessions.stream()
			.filter((session) -> session.subscriberId() != null && byId.containsKey(session.subscriberId()))
			.collect(Collectors.toMap(Function.identity(), (session) -> byId.get(session.subscriberId())));
	}

	record FilterInput(@Nullable UUID subscriberId, @Nullable UUID routerId, @Nullable String username,
			@Nullable SessionEndReason endReason, @Nullable Instant from, @Nullable Instant to) {

		SessionHistoryFilter criteria() {
			return new SessionHistoryFilter(this.subscriberId, this.routerId, this.username, this.endReason, this.from,
					this.to);
		}

	}

	record Connection(List<Edge<EndedSession>> edges, PageInfo pageInfo) {

	}

}
