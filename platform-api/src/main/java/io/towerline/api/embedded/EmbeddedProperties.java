package io.towerline.api.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded mode.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data and the local signing key
 * lives
 * @param databasePort port of the embedded PostgreSQL; 0 picks a free one
 * @param durable whether a commit waits for its WAL to reach the disk ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on); only tests turn it off
 * @param startupTimeout how long the server may take to start, crash recovery included
 * @param orphanStopTimeout how long a server left running by a crashed Towerline gets to
 * stop before the start is refused
 */
@ConfigurationProperties("towerline.embedded")
public record EmbeddedProperties(Path dataDir, int databasePort, @Nullable Boolean durable,
		@Nullable Duration startupTimeout, @Nullable Duration orphanStopTimeout) {

	public EmbeddedProperties {
		if (dataDir == null) {
			dataDir = Path.of(".towerline");
		}
		if (durable == null) {
			durable = true;
		}
		if (startupTimeout == null) {
			startupTimeout = Duration.ofSeconds(60);
		}
		if (orphanStopTimeout == null) {
			orphanStopTimeout = Duration.ofSeconds(30);
		}
	}

	/** Defaults for a data directory (durable, port picked freely). */
	public static EmbeddedProperties of(Path dataDir) {
		return new EmbeddedProperties(dataDir, 0, true, null, null);
	}

	public boolean isDurable() {
		return Boolean.TRUE.equals(this.durable);
	}

}
