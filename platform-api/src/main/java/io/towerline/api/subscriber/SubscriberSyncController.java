package io.towerline.api.subscriber;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.operation.SubscriberSyncStatus;
import io.towerline.core.operation.SyncState;
import io.towerline.core.subscriber.Subscriber;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Whether a page of subscribers' latest changes are on their routers, in one query per
 * page.
 */
@Controller
class SubscriberSyncController {

	private final RouterOperations operations;

	SubscriberSyncController(RouterOperations operations) {
		this.operations = operations;
	}

	@BatchMapping(typeName = "Subscriber", field = "syncState")
	Map<Subscriber, SyncState> syncState(List<Subscriber> subscribers) {
		Map<UUID, SubscriberSyncStatus> sync = syncOf(subscribers);
		return subscribers.stream()
			.collect(Collectors.toMap(Function.identity(), (subscriber) -> sync.get(subscriber.id()).state()));
	}

	@BatchMapping(typeName = "Subscriber", field = "syncOperation")
	Map<Subscriber, RouterOperation> syncOperation(List<Subscriber> subscribers) {
		Map<UUID, SubscriberSyncStatus> sync = syncOf(subscribers);
		return subscribers.stream()
			.filter((subscriber) -> sync.get(subscriber.id()).operation() != null)
			.collect(Collectors.toMap(Function.identity(), (subscriber) -> sync.get(subscriber.id()).operation()));
	}

	private Map<UUID, SubscriberSyncStatus> syncOf(List<Subscriber> subscribers) {
		return this.operations.syncOf(subscribers.stream().map(Subscriber::id).distinct().toList());
	}

}
