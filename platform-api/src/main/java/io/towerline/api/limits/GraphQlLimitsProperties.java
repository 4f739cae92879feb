package io.towerline.api.limits;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one GraphQL request may ask for.
 *
 * @param maxDepth deepest selection nesting (a top-level field is depth 1)
 * @param maxAliases aliased fields per operation, counted through fragments
 * @param maxTokens grammar tokens the parser reads before giving up
 * @param maxCharacters characters the parser reads before giving up
 * @param maxCost points one operation may cost (see {@link OperationCost})
 * @param trustedDocuments the allow-list of documents, when only those are accepted
 * @param maxRequestSize largest HTTP request body (every endpoint); larger ones get 413
 * @param maxWebsocketMessageSize largest graphql-ws message; a larger one closes the
 * socket (1009)
 */
@ConfigurationProperties("towerline.graphql")
public record GraphQlLimitsProperties(int maxDepth, int maxAliases, int maxTokens, int maxCharacters, long maxCost,
		TrustedDocumentsProperties trustedDocuments, DataSize maxRequestSize, DataSize maxWebsocketMessageSize) {

	public GraphQlLimitsProperties {
		maxDepth = (maxDepth > 0) ? maxDepth : 10;
		maxAliases = (maxAliases > 0) ? maxAliases : 30;
		maxTokens = (maxTokens > 0) ? maxTokens : 5_000;
		maxCharacters = (maxCharacters > 0) ? maxCharacters : 100_000;
		maxCost = (maxCost > 0) ? maxCost : 5_000;
		if (maxRequestSize == null || maxRequestSize.toBytes() <= 0) {
			// a 10,000-row CSV import with long addresses fits
			maxRequestSize = DataSize.ofMegabytes(4);
		}
		if (maxWebsocketMessageSize == null || maxWebsocketMessageSize.toBytes() <= 0) {
			// Tomcat allocates this per socket; subscription documents are small
			maxWebsocketMessageSize = DataSize.ofKilobytes(64);
		}
		if (trustedDocuments == null) {
			trustedDocuments = new TrustedDocumentsProperties(false, null);
		}
	}

	/**
	 * Trusted documents: when enabled, only documents whose SHA-256 is in the manifest
	 * run.
	 *
	 * @param enabled whether unknown documents are refused
	 * @param manifest JSON object of {@code sha256 hex → document} (the format of
	 * graphql-codegen's {@code persisted-documents.json})
	 */
	public record TrustedDocumentsProperties(boolean enabled, @Nullable Resource manifest) {

	}

}
