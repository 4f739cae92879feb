package io.towerline.api.backup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.backup.BackupFetchLinks;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The links routers download a backup from when it is restored:
 * {@code <base>/backup-fetch/<tenant>/<backup>?expires=…&signature=…}. The base is
 * {@code towerline.backup.router-base-url}; without it, the embedded default is this
 * process's own web server on loopback ({@code http://127.0.0.1:<port>}), which routers
 * on the same machine (the simulators of the embedded mode) can reach and others cannot,
 * so restores onto those are refused with BACKUP_RESTORE_UNREACHABLE (ADR 0143).
 */
@Component
class BackupRouterLinks implements BackupFetchLinks {

	private final @Nullable String configured;

	private final BackupLinkSigner signer;

	private final Clock clock;

	private volatile @Nullable String derived;

	BackupRouterLinks(BackupLinkProperties properties, BackupLinkSigner signer, Clock clock) {
		String base = properties.routerBaseUrl();
		this.configured = (base != null && !base.isBlank()) ? base.strip().replaceAll("/+$", "") : null;
		this.signer = signer;
		this.clock = clock;
	}

	/** The web server's port, once it listens: the embedded default base. */
	@EventListener
	void on(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null && event.getWebServer().getPort() > 0) {
			this.derived = "http://127.0.0.1:" + event.getWebServer().getPort();
		}
	}

	@Override
	public Optional<URI> base() {
		String base = (this.configured != null) ? this.configured : this.derived;
		return Optional.ofNullable(base).map(URI::create);
	}

	@Override
	public URI link(TenantId tenant, UUID backupId, Duration validFor) {
		URI base = base().orElseThrow(() -> new IllegalStateException("No address for routers is known yet"));
		Instant expires = this.clock.instant().plus(validFor);
		return URI.create(base.toString().replaceAll("/+$", "") + BackupFetchController.PATH_PREFIX + tenant.slug()
				+ "/" + backupId + "?expires=" + expires.getEpochSecond() + "&signature="
				+ this.signer.sign(tenant, backupId, expires));
	}

}
