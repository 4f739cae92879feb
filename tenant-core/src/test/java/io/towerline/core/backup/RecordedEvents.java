package io.towerline.core.backup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.core.CoreTestApplication;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.tenancy.TenantId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every {@link TenantEvent}, whichever thread and whichever of this module's test
 * contexts published it (they share the scheduler table, so any of them may run an
 * operation).
 */
@Component
@ConditionalOnBean(CoreTestApplication.class)
class RecordedEvents {

	private static final List<TenantEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(TenantEvent event) {
		events.add(event);
	}

	List<TenantEvent> of(TenantId tenant, String type) {
		return events.stream().filter((event) -> event.tenant().equals(tenant) && event.type().equals(type)).toList();
	}

}
