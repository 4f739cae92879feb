package io.towerline.api.limits;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's persisted-documents manifest, as its jar carries it: the platform's
 * trusted-documents mode loads it by default (every hash matches its text, or start-up
 * stops), knows the app's documents by their exact text, and still refuses any other
 * text. That the app sends exactly these texts is checked in the browser
 * ({@code e2e/web.mjs}).
 */
class SpaTrustedDocumentsTests {

	@Test
	void shouldTrustTheWebClientsDocumentsAndNothingElse() throws IOException {
		assertThat(LimitsConfiguration.SPA_DOCUMENTS.exists()).as("the web client's jar carries its manifest").isTrue();
		TrustedDocuments trusted = TrustedDocuments.load(LimitsConfiguration.SPA_DOCUMENTS);
		Map<String, String> manifest;
		try (InputStream in = LimitsConfiguration.SPA_DOCUMENTS.getInputStream()) {
			manifest = JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, String>>() {
			});
		}
		assertThat(trusted.size()).isEqualTo(manifest.size()).isGreaterThan(20);
		String me = manifest.values()
			.stream()
			.filter((document) -> document.startsWith("query Me "))
			.findFirst()
			.orElseThrow();
		assertThat(trusted.contains(me)).isTrue();
		assertThat(trusted.contains(me + " ")).isFalse();
		assertThat(trusted.contains("query Me { me { subject } }")).isFalse();
		assertThat(manifest.values()).anyMatch((document) -> document.startsWith("query TenantSummary "))
			.anyMatch((document) -> document.startsWith("subscription OperationsChanged "));
	}

}
