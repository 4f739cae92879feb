package io.towerline.core.backup;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant's backup data key: 256 random bits, created on first use and stored only
 * sealed by the credential backend (the same one that seals router passwords). Unsealed
 * keys are kept in memory per tenant, so the backend is asked once per tenant and
 * process, not once per chunk.
 */
@Component
class BackupDataKeys {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SealedSecrets sealed;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<TenantId, byte[]> unsealed = new ConcurrentHashMap<>();

	BackupDataKeys(JdbcClient jdbc, SealedSecrets sealed, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.sealed = sealed;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The current tenant's data key (created if it has none yet). */
	byte[] current() {
		return this.unsealed.computeIfAbsent(TenantContext.require(), this::load).clone();
	}

	private byte[] load(TenantId tenant) {
		String reference = find(tenant);
		if (reference == null) {
			create(tenant);
			reference = find(tenant);
		}
		if (reference == null) {
			throw new IllegalStateException("No backup data key for " + tenant);
		}
		return Base64.getDecoder().decode(this.sealed.reveal(reference).getBytes(StandardCharsets.US_ASCII));
	}

	private String find(TenantId tenant) {
		return this.jdbc.sql("SELECT sealed_reference FROM " + tenant.schemaName() + ".backup_data_key WHERE id = 1")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Two replicas may create a key at once: the second insert does nothing and its
	 * sealed key is discarded.
	 */
	private void create(TenantId tenant) {
		this.transactions.executeWithoutResult((status) -> {
			byte[] key = new byte[32];
			random.nextBytes(key);
			char[] encoded = Base64.getEncoder().encodeToString(key).toCharArray();
			String reference = this.sealed.seal("backup-data-key:" + tenant.slug(), encoded);
			int inserted = this.jdbc
				.sql("INSERT INTO " + tenant.schemaName() + ".backup_data_key (id, sealed_reference, created_at)"
						+ " VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
				.params(reference, Timestamp.from(this.clock.instant()))
				.update();
			if (inserted == 0) {
				this.sealed.discardAfterCommit(reference);
			}
		});
	}

}
