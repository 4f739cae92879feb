package io.towerline.core.backup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backup settings of the platform (the schedule itself is the tenant's, see
 * {@link BackupSettings}).
 *
 * @param sweepInterval how often routers are looked at for a due scheduled backup
 * ({@code 5m})
 * @param chunkBytes plaintext bytes per encrypted chunk; bounds the memory one backup in
 * progress holds ({@code 262144})
 * @param maxDiffBytes largest export compared line by line ({@code 32MB} of text)
 * @param fetchLinkValidity how long the link a router downloads a backup from is valid
 * ({@code 10m})
 * @param orphanAge blobs a crashed backup left incomplete are removed after this
 * ({@code 1h})
 */
@ConfigurationProperties("towerline.backup")
record BackupProperties(Duration sweepInterval, int chunkBytes, long maxDiffBytes, Duration fetchLinkValidity,
		Duration orphanAge) {

	public BackupProperties {
		if (sweepInterval == null) {
			sweepInterval = Duration.ofMinutes(5);
		}
		if (chunkBytes <= 0) {
			chunkBytes = 256 * 1024;
		}
		if (maxDiffBytes <= 0) {
			maxDiffBytes = 32L * 1024 * 1024;
		}
		if (fetchLinkValidity == null) {
			fetchLinkValidity = Duration.ofMinutes(10);
		}
		if (orphanAge == null) {
			orphanAge = Duration.ofHours(1);
		}
	}

}
