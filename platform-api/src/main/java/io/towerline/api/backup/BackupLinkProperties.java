package io.towerline.api.backup;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How routers reach the platform to download a backup being restored.
 *
 * @param routerBaseUrl the platform's address as routers see it, e.g.
 * {@code https://towerline.example.net}; without it, restores are refused
 * (BACKUP_RESTORE_UNAVAILABLE)
 * @param routerLinkKey base64 key (32 bytes) that signs those links; every replica needs
 * the same one (without it, each process makes up its own, which suits one replica)
 */
@ConfigurationProperties("towerline.backup")
record BackupLinkProperties(@Nullable String routerBaseUrl, @Nullable String routerLinkKey) {

}
