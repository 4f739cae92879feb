package io.towerline.core.platformoutbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a tenant's outbox onto main: the entries are locked in a transaction on the
 * tenant's cluster ({@code SKIP LOCKED}, so two drains never deliver the same entry at
 * once), each is written on main by its {@link OutboxDelivery}, then they are deleted and
 * that transaction commits. A crash between delivery and commit delivers again, which the
 * deliveries make harmless (ADR 0183).
 */
@Component
public class OutboxDrain {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDrain.class);

	/** Entries delivered per transaction; a drain goes on until the outbox is empty. */
	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Map<String, OutboxDelivery> deliveries;

	OutboxDrain(DataSource dataSource, PlatformTransactionManager transactionManager, List<OutboxDelivery> deliveries) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		// after a commit the finished transaction's resources are still bound
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.deliveries = deliveries.stream().collect(Collectors.toMap(OutboxDelivery::kind, Function.identity()));
	}

	/**
	 * Delivers every entry of {@code tenant}'s outbox.
	 * @return how many were delivered
	 */
	public int drain(TenantId tenant) {
		int delivered = 0;
		int batch;
		do {
			batch = TenantContext.callAs(tenant, () -> this.transactions.execute((tx) -> drainBatch(tenant)));
			delivered += batch;
		}
		while (batch == BATCH);
		return delivered;
	}

	/**
	 * {@link #drain} for a caller that must not fail: a failure is logged in one line and
	 * left to the sweep ({@link OutboxSweep}) or, for a tenant on main, which the sweep
	 * does not visit, to the end of its move (ADR 0250); during a move's window the
	 * entries wait.
	 * @return whether every entry was delivered
	 */
	public boolean drainQuietly(TenantId tenant) {
		try {
			drain(tenant);
			return true;
		}
		catch (RuntimeException ex) {
			if (!TenantClusters.refusedByMoveWindow(ex)) {
				logger.warn("Outbox of tenant {} not delivered yet, tried again later: {}", tenant.slug(),
						ex.toString());
			}
			return false;
		}
	}

	private int drainBatch(TenantId tenant) {
		List<Entry> entries = this.jdbc
			.sql("SELECT id, kind, body FROM " + tenant.schemaName()
					+ ".platform_outbox ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
			.param(BATCH)
			.query((rs, row) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list();
		for (Entry entry : entries) {
			OutboxDelivery delivery = this.deliveries.get(entry.kind());
			if (delivery == null) {
				throw new IllegalStateException("No delivery for outbox entries of kind " + entry.kind());
			}
			delivery.deliver(entry.id(), entry.body());
		}
		if (!entries.isEmpty()) {
			this.jdbc.sql("DELETE FROM " + tenant.schemaName() + ".platform_outbox WHERE id = ANY(?)")
				.param(entries.stream().map(Entry::id).toArray(UUID[]::new))
				.update();
		}
		return entries.size();
	}

	private record Entry(UUID id, String kind, String body) {

	}

}
