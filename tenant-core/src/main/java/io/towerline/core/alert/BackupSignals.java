package io.towerline.core.alert;

import java.util.UUID;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps, per router, the last backup failure and success the backups feature reported
 * ({@code backup.failed}, and any other {@code backup.*} event as a success), in the
 * publisher's transaction; BACKUP_FAILED rules read them at the next sweep. The router is
 * the event's {@code routerId} data, else its subject.
 */
@Component
class BackupSignals {

	static final String KIND = "backup";

	static final String FAILED = "backup.failed";

	private final AlertSignalRepository signals;

	private final TransactionTemplate transactions;

	BackupSignals(AlertSignalRepository signals, TransactionTemplate transactions) {
		this.signals = signals;
		this.transactions = transactions;
	}

	@EventListener
	public void on(TenantEvent event) {
		if (!event.type().startsWith(KIND + ".") || event.type().equals("backup.deleted")) {
			return;
		}
		UUID routerId;
		try {
			routerId = UUID.fromString(event.data().getOrDefault("routerId", event.subject()));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		TenantContext.runAs(event.tenant(), () -> this.transactions.executeWithoutResult((tx) -> {
			AlertSignal.Key key = new AlertSignal.Key(KIND, routerId);
			AlertSignal signal = this.signals.findById(key).orElseGet(() -> new AlertSignal(key));
			if (event.type().equals(FAILED)) {
				signal.failed(event.occurredAt(), event.data().get("error"));
			}
			else {
				signal.succeeded(event.occurredAt());
			}
			this.signals.save(signal);
		}));
	}

}
