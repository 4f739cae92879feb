package io.towerline.core.operation;

import io.towerline.core.router.RouterCameOnline;
import io.towerline.core.router.RouterConnectionChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Operations waiting for a router try again as soon as it answers a health check or
 * connection test, or as soon as its address or credentials are changed (after the change
 * commits), instead of at their next scheduled try.
 */
@Component
class RouterWakeUps {

	private final RouterOperations operations;

	RouterWakeUps(RouterOperations operations) {
		this.operations = operations;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RouterCameOnline online) {
		this.operations.wakeWaiting(online.routerId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RouterConnectionChanged changed) {
		this.operations.wakeWaiting(changed.routerId());
	}

}
