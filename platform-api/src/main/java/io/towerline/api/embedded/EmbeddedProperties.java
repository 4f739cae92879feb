package io.towerline.api.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded mode.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data and the local signing key
 * lives
 * @param databasePort port of the embedded PostgreSQL; 0 picks a free one
 */
@ConfigurationProperties("towerline.embedded")
public record EmbeddedProperties(Path dataDir, int databasePort) {

	public EmbeddedProperties {
		if (dataDir == null) {
			dataDir = Path.of(".towerline");
		}
	}

}
