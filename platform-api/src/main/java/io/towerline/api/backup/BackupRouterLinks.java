package io.towerline.api.backup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.towerline.core.backup.BackupFetchLinks;
import io.towerline.core.tenancy.TenantId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The links routers download a backup from when it is restored:
 * {@code <router-base-url>/backup-fetch/<tenant>/<backup>?expires=…&signature=…}. Only
 * present when {@code towerline.backup.router-base-url} is set.
 */
@Component
@ConditionalOnProperty("towerline.backup.router-base-url")
class BackupRouterLinks implements BackupFetchLinks {

	private final String baseUrl;

	private final BackupLinkSigner signer;

	private final Clock clock;

	BackupRouterLinks(BackupLinkProperties properties, BackupLinkSigner signer, Clock clock) {
		this.baseUrl = String.valueOf(properties.routerBaseUrl()).replaceAll("/+$", "");
		this.signer = signer;
		this.clock = clock;
	}

	@Override
	public URI link(TenantId tenant, UUID backupId, Duration validFor) {
		Instant expires = this.clock.instant().plus(validFor);
		return URI.create(this.baseUrl + BackupFetchController.PATH_PREFIX + tenant.slug() + "/" + backupId
				+ "?expires=" + expires.getEpochSecond() + "&signature=" + this.signer.sign(tenant, backupId, expires));
	}

}
