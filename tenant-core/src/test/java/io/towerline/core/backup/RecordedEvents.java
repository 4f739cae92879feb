package io.towerline.core.backup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.tenancy.TenantId;

import org.springframework.context.event.EventListener;

/** Keeps every {@link TenantEvent}, whichever thread published it. */
class RecordedEvents {

	private final List<TenantEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(TenantEvent event) {
		this.events.add(event);
	}

	List<TenantEvent> of(TenantId tenant, String type) {
		return this.events.stream()
			.filter((event) -> event.tenant().equals(tenant) && event.type().equals(type))
			.toList();
	}

}
