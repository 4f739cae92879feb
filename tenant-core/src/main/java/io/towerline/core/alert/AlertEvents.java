package io.towerline.core.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.towerline.core.actor.Actor;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.tenancy.TenantContext;

/**
 * The {@link TenantEvent}s alerts publish, in the transaction that opens or resolves the
 * alert; the notification channels deliver them. Subject: the alert's id.
 */
final class AlertEvents {

	/** An alert opened; always notified. */
	public static final String OPENED = "alert.opened";

	/**
	 * An alert resolved; data {@code notify} says whether its rule wants the resolution
	 * notified too.
	 */
	public static final String RESOLVED = "alert.resolved";

	private AlertEvents() {
	}

	static TenantEvent of(String type, Alert alert, Actor actor, Instant at, boolean notify) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("ruleType", alert.ruleType().name());
		data.put("ruleName", alert.ruleName());
		data.put("severity", alert.severity().name());
		data.put("objectId", alert.objectId().toString());
		if (alert.routerId() != null) {
			data.put("routerId", alert.routerId().toString());
		}
		data.put("summary", alert.summary());
		data.put("notify", Boolean.toString(notify));
		return TenantEvent.of(TenantContext.require(), type, alert.id().toString(), actor, at, data);
	}

}
