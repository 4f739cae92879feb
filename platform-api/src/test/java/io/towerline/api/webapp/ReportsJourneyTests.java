package io.towerline.api.webapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageDelta;
import io.towerline.core.usage.UsageRecorder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports journey, {@code web-client/e2e/reports.mjs}: usage recorded through the
 * usage feature's public API, a usage report started and followed in the browser, its
 * totals on screen, and the CSV and PDF it downloads add up to exactly that usage (the
 * PDF's text read with PDFBox).
 */
class ReportsJourneyTests extends JourneyTest {

	@Autowired
	UsageRecorder recorder;

	@Test
	void shouldDownloadAReportAsCsvAndPdfWithTheRightTotals() throws Exception {
		TenantId tenant = newTenant("e2e-reports");
		// over the real port on a loaded machine: more than the tester's default 5 s
		NetworkFixture network = NetworkFixture.create(as(TestTokens.forTenant(tenant.slug(), "OPERATOR")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(60)))
			.build(), "edge-reports");
		try {
			String alice = network.createSubscriber("alice", "secret-1")[0];
			String bob = network.createSubscriber("bob", "secret-2")[0];
			UUID router = UUID.fromString(network.routerId());
			UUID plan = UUID.fromString(network.planId());
			Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
			TenantContext.callAs(tenant,
					() -> this.recorder.record(hourAgo,
							List.of(new UsageDelta(router, "alice", UUID.fromString(alice), plan,
									new Counters(2_500_000, 48_000_000, 10, 20)),
									new UsageDelta(router, "bob", UUID.fromString(bob), plan,
											new Counters(900_000, 7_300_000_000L, 3, 7)),
									new UsageDelta(router, "visitor", null, null, new Counters(123, 4567, 1, 2)))));
			long download = 48_000_000 + 7_300_000_000L + 4567;
			long upload = 2_500_000 + 900_000 + 123;
			Credentials operator = newUser(tenant, "e2e-reports", "OPERATOR");

			Map<?, ?> results = runJourney("reports.mjs",
					Map.of("OPERATOR_USER", operator.username(), "OPERATOR_PASS", operator.password(), "EXPECTED_ROWS",
							"3", "EXPECTED_DOWNLOAD", Long.toString(download), "EXPECTED_UPLOAD",
							Long.toString(upload)));

			List<String> csv = Files.readAllLines(Path.of((String) results.get("csv")));
			assertThat(csv).hasSize(4)
				.first()
				.isEqualTo("subscriber_id,username,download_bytes,upload_bytes,total_bytes");
			long csvDownload = 0;
			long csvUpload = 0;
			for (String line : csv.subList(1, csv.size())) {
				String[] cells = line.split(",");
				csvDownload += Long.parseLong(cells[2]);
				csvUpload += Long.parseLong(cells[3]);
				assertThat(Long.parseLong(cells[4])).isEqualTo(Long.parseLong(cells[2]) + Long.parseLong(cells[3]));
			}
			assertThat(csvDownload).isEqualTo(download);
			assertThat(csvUpload).isEqualTo(upload);
			assertThat((String) results.get("csvName")).startsWith("usage-by-subscriber-").endsWith(".csv");

			byte[] pdf = Files.readAllBytes(Path.of((String) results.get("pdf")));
			try (PDDocument document = Loader.loadPDF(pdf)) {
				String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
				assertThat(text).contains("Usage by subscriber")
					.contains("Rows 3")
					.contains("Download bytes " + String.format("%,d", download))
					.contains("Upload bytes " + String.format("%,d", upload))
					.contains("Total bytes " + String.format("%,d", download + upload))
					.contains("bob 7,300,000,000 900,000 7,300,900,000")
					.contains("Page 1 of 1");
			}
		}
		finally {
			network.close();
		}
	}

}
