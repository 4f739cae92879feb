package io.towerline.api.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.api.session.Connections.Edge;
import io.towerline.api.session.Connections.PageInfo;
import io.towerline.core.pop.Pop;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.session.OnlineSession;
import io.towerline.core.session.OnlineSessionFilter;
import io.towerline.core.session.OnlineSessionOrder;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Who is online, for every tenant role: lists, counts, and a subscriber's session now.
 */
@Controller
class OnlineSessionController {

	private static final String LIST = "online:";

	private final OnlineSessions sessions;

	private final Routers routers;

	private final SubscriberRecords subscribers;

	private final Clock clock;

	OnlineSessionController(OnlineSessions sessions, Routers routers, SubscriberRecords subscribers, Clock clock) {
		this.sessions = sessions;
		this.routers = routers;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Connection onlineSessions(@Argument @Nullable FilterInput filter, @Argument @Nullable OnlineSessionOrder orderBy,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int size = PageSize.of(first);
		OnlineSessionOrder order = (orderBy != null) ? orderBy : OnlineSessionOrder.LOGIN_NEWEST;
		OnlineSessionFilter criteria = (filter != null) ? filter.criteria() : OnlineSessionFilter.ALL;
		OnlineSessions.Position from = null;
		if (after != null) {
			SessionCursors.Position position = SessionCursors.decode(after, LIST + order);
			from = new OnlineSessions.Position(position.at(), position.name(), position.id());
		}
		OnlineSessions.Page page = this.sessions.page(criteria, order, from, size + 1);
		List<Edge<OnlineSession>> edges = Connections.edges(page.sessions(), size, (session) -> SessionCursors
			.encode(new SessionCursors.Position(LIST + order, session.loginAt(), session.username(), session.id())));
		return new Connection(edges, Connections.pageInfo(edges, page.sessions().size() > size, after != null),
				new CountedOnce(criteria, page.matches()));
	}

	/**
	 * Counted only when selected, up to a cap: a count over a large tenant is the
	 * expensive part (ADR 0170).
	 */
	@SchemaMapping(typeName = "OnlineSessionConnection", field = "totalCount")
	long totalCount(Connection connection) {
		return connection.matches().get(this.sessions).count();
	}

	@SchemaMapping(typeName = "OnlineSessionConnection", field = "totalCountCapped")
	boolean totalCountCapped(Connection connection) {
		return connection.matches().get(this.sessions).more();
	}

	@SchemaMapping(typeName = "OnlineSession", field = "uptimeSeconds")
	long uptimeSeconds(OnlineSession session) {
		return Math.max(0, session.uptime(this.clock.instant()).toSeconds());
	}

	/** Whole seconds, rounded up: a client waiting this long finds the next sample. */
	@SchemaMapping(typeName = "OnlineSession", field = "countersEvery")
	long countersEvery(OnlineSession session) {
		long millis = this.sessions.sampleInterval().toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	@SchemaMapping(typeName = "OnlineSession", field = "unmanaged")
	boolean unmanaged(OnlineSession session) {
		return session.subscriberId() == null;
	}

	@SchemaMapping(typeName = "OnlineSession", field = "routerSessionId")
	String routerSessionId(OnlineSession session) {
		return session.pppSessionId();
	}

	@BatchMapping(typeName = "OnlineSession", field = "router")
	Map<OnlineSession, Router> router(List<OnlineSession> sessions) {
		Map<UUID, Router> byId = this.routers.getAll(sessions.stream().map(OnlineSession::routerId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Router::id, Function.identity()));
		return sessions.stream()
			.filter((session) -> byId.containsKey(session.routerId()))
			.collect(Collectors.toMap(Function.identity(), (session) -> byId.get(session.routerId())));
	}

	@BatchMapping(typeName = "OnlineSession", field = "subscriber")
	Map<OnlineSession, Subscriber> subscriber(List<OnlineSession> sessions) {
		Map<UUID, Subscriber> byId = this.subscribers
			.findAll(sessions.stream().map(OnlineSession::subscriberId).filter((id) -> id != null).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		return sessions.stream()
			.filter((session) -> session.subscriberId() != null && byId.containsKey(session.subscriberId()))
			.collect(Collectors.toMap(Function.identity(), (session) -> byId.get(session.subscriberId())));
	}

	/** The newest online session of each subscriber of a page, in one query. */
	@BatchMapping(typeName = "Subscriber", field = "session")
	Map<Subscriber, OnlineSession> session(List<Subscriber> subscribers) {
		Map<UUID, List<OnlineSession>> online = this.sessions
			.ofSubscribers(subscribers.stream().map(Subscriber::id).toList());
		return subscribers.stream()
			.filter((subscriber) -> online.containsKey(subscriber.id()))
			.collect(Collectors.toMap(Function.identity(), (subscriber) -> online.get(subscriber.id()).get(0)));
	}

	@BatchMapping(typeName = "Router", field = "onlineCount")
	Map<Router, Long> routerOnlineCount(List<Router> routers) {
		Map<UUID, Long> counts = this.sessions.countByRouter(routers.stream().map(Router::id).toList());
		return routers.stream().collect(Collectors.toMap(Function.identity(), (router) -> counts.get(router.id())));
	}

	@BatchMapping(typeName = "Pop", field = "onlineCount")
	Map<Pop, Long> popOnlineCount(List<Pop> pops) {
		Map<UUID, Long> counts = this.sessions.countByPop(pops.stream().map(Pop::id).toList());
		return pops.stream().collect(Collectors.toMap(Function.identity(), (pop) -> counts.get(pop.id())));
	}

	record FilterInput(@Nullable UUID routerId, @Nullable UUID popId, @Nullable UUID planId, @Nullable String search) {

		OnlineSessionFilter criteria() {
			return new OnlineSessionFilter(this.routerId, this.popId, this.planId, null, this.search);
		}

	}

	record Connection(List<Edge<OnlineSession>> edges, PageInfo pageInfo, CountedOnce matches) {

	}

	/**
	 * The matches of a connection's filter: those its page counted, or counted at the
	 * first field asking (both count fields share one count).
	 */
	static final class CountedOnce {

		private final OnlineSessionFilter criteria;

		private OnlineSessions.@Nullable Matches matches;

		CountedOnce(OnlineSessionFilter criteria, OnlineSessions.@Nullable Matches matches) {
			this.criteria = criteria;
			this.matches = matches;
		}

		synchronized OnlineSessions.Matches get(OnlineSessions sessions) {
			if (this.matches == null) {
				this.matches = sessions.countUpTo(this.criteria);
			}
			return this.matches;
		}

	}

}
