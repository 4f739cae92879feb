package io.towerline.mikrotik.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterOsVersion;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.Reply;
import io.towerline.mikrotik.command.Row;
import io.towerline.mikrotik.connection.RouterConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects the RouterOS version on every new connection (a router may have been upgraded
 * while it was away) from {@code /system/resource}, and keeps the latest
 * {@link RouterCapabilities}.
 */
final class CapabilityProbe {

	static final Command RESOURCE = Command.to("/system/resource/print")
		.proplist(List.of("version", "board-name"))
		.build();

	private static final Logger log = LoggerFactory.getLogger(CapabilityProbe.class);

	private volatile @Nullable RouterCapabilities current;

	void probe(RouterConnection connection, Duration timeout) {
		accept(connection.execute(RESOURCE, timeout));
	}

	/** Takes the answer to {@link #RESOURCE}. */
	void accept(Reply reply) {
		if (!reply.rows().isEmpty()) {
			update(reply.rows().get(0));
		}
	}

	private void update(Row resource) {
		String version = resource.getOrEmpty("version");
		try {
			this.current = new RouterCapabilities(RouterOsVersion.parse(version), resource.getOrEmpty("board-name"));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Unrecognised RouterOS version '{}'; capabilities stay as they were", version);
		}
	}

	@Nullable RouterCapabilities current() {
		return this.current;
	}

	/**
	 * Probing is best effort: a router that refuses it still serves commands. It is
	 * audited like any command.
	 */
	void probeQuietly(RouterConnection connection, Duration timeout, CommandAudit audit) {
		UUID id;
		try {
			id = audit.sending(RESOURCE);
		}
		catch (RuntimeException ex) {
			log.warn("Not probing {}: the audit could not record the command ({})", connection.router(), ex.toString());
			return;
		}
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		try {
			probe(connection, timeout);
			audit.record(id, RESOURCE, startedAt, System.nanoTime() - started, null);
		}
		catch (RouterException ex) {
			audit.record(id, RESOURCE, startedAt, System.nanoTime() - started, ex);
			log.warn("Could not read /system/resource from {}: {}", connection.router(), ex.getMessage());
		}
	}

}
