package io.towerline.api.backup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backups through the API: taken on demand, listed on the router, compared, downloaded
 * with the bearer token, restored only with the typed confirmation, and never visible to
 * another tenant, neither in GraphQL nor through the download or router links.
 */
class BackupApiTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	BackupLinkSigner signer;

	RouterOsSimulator simulator;

	TenantId tenant;

	String routerId;

	@BeforeEach
	void router() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(3)
			.start();
		this.tenant = newTenant("backup-api");
		this.routerId = operator().documentName("driftCreateRouter")
			.variable("input",
					Map.of("name", "core", "host", "127.0.0.1", "port", this.simulator.port(), "apiSsl", false,
							"username", "api", "password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldTakeListCompareAndDownloadBackups() throws Exception {
		String first = take("EXPORT");
		this.simulator.removeSecret("sub00002");
		String second = take("EXPORT");

		List<Map<String, Object>> backups = operator().documentName("routerBackups")
			.variable("id", this.routerId)
			.variable("kind", "EXPORT")
			.execute()
			.path("router.backups.edges[*].node")
			.entityList(MAP)
			.get();
		assertThat(backups).extracting((backup) -> backup.get("id")).containsExactly(second, first);
		assertThat(backups.get(0)).containsEntry("kind", "EXPORT")
			.containsEntry("changed", true)
			.containsEntry("sensitive", false)
			.containsEntry("downloadPath", "/backups/" + second);
		assertThat((String) backups.get(0).get("hash")).hasSize(64).isNotEqualTo(backups.get(1).get("hash"));

		Map<String, Object> diff = operator().documentName("backupDiff")
			.variable("from", first)
			.variable("to", second)
			.execute()
			.path("backupDiff")
			.entity(MAP)
			.get();
		assertThat(diff).containsEntry("linesRemoved", 1)
			.containsEntry("linesAdded", 0)
			.containsEntry("truncated", false);
		assertThat(diff.toString()).contains("kind=REMOVED, fromLine=").contains("text=add name=sub00002");

		MvcTestResult download = this.mvc.get()
			.uri("/backups/" + second)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forTenant(this.tenant.slug(), "OPERATOR"))
			.exchange();
		assertThat(download).hasStatusOk();
		String body = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("/ppp secret").contains("name=sub00001").doesNotContain("name=sub00002");
		assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("core-")
			.contains(".rsc");

		assertThat(this.mvc.get().uri("/backups/" + second).exchange()).hasStatus(401);
		assertThat(this.mvc.get()
			.uri("/backups/" + second)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forTenant(this.tenant.slug(), "VIEWER"))
			.exchange()).hasStatus(403);
	}

	@Test
	void shouldRestoreOnlyWithTheTypedConfirmation() {
		String backup = take("BINARY");
		Map<String, Object> refused = admin().documentName("restoreBackup")
			.variable("input", Map.of("backupId", backup, "confirmation", "yes"))
			.execute()
			.path("restoreBackup")
			.entity(MAP)
			.get();
		assertThat(refused.get("operation")).isNull();
		assertThat(refused.get("errors").toString()).contains("code=CONFIRMATION_MISMATCH")
			.contains("field=confirmation")
			.contains("RESTORE core");
		// this application has no address for routers to download from
		Map<String, Object> unavailable = admin().documentName("restoreBackup")
			.variable("input", Map.of("backupId", backup, "confirmation", "RESTORE core"))
			.execute()
			.path("restoreBackup")
			.entity(MAP)
			.get();
		assertThat(unavailable.get("operation")).isNull();
		assertThat(unavailable.get("errors").toString()).contains("code=BACKUP_RESTORE_UNAVAILABLE");
		assertThat(this.simulator.reboots()).isZero();
		operator().documentName("restoreBackup")
			.variable("input", Map.of("backupId", backup, "confirmation", "RESTORE core"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void shouldServeARouterOnlyThroughAValidUnexpiredLinkOfItsOwnTenant() throws Exception {
		String backup = take("EXPORT");
		UUID id = UUID.fromString(backup);
		Instant expires = Instant.now().plus(Duration.ofMinutes(5));
		String signature = this.signer.sign(this.tenant, id, expires);
		String path = "/backup-fetch/" + this.tenant.slug() + "/" + backup;

		MvcTestResult fetched = this.mvc.get()
			.uri(path + "?expires=" + expires.getEpochSecond() + "&signature=" + signature)
			.exchange();
		assertThat(fetched).hasStatusOk();
		assertThat(fetched.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("/ppp secret");

		assertThat(this.mvc.get()
			.uri(path + "?expires=" + (expires.getEpochSecond() + 1) + "&signature=" + signature)
			.exchange()).hasStatus(403);
		Instant past = Instant.now().minusSeconds(5);
		assertThat(this.mvc.get()
			.uri(path + "?expires=" + past.getEpochSecond() + "&signature=" + this.signer.sign(this.tenant, id, past))
			.exchange()).hasStatus(403);
		TenantId other = newTenant("backup-fetch-b");
		assertThat(this.mvc.get()
			.uri("/backup-fetch/" + other.slug() + "/" + backup + "?expires=" + expires.getEpochSecond() + "&signature="
					+ this.signer.sign(other, id, expires))
			.exchange()).hasStatus(404);
	}

	@Test
	void shouldKeepSettingsValidatedAndForTenantAdmins() {
		Map<String, Object> invalid = admin().documentName("setBackupSettings")
			.variable("input", settings(5, 30))
			.execute()
			.path("setBackupSettings")
			.entity(MAP)
			.get();
		assertThat(invalid.get("settings")).isNull();
		assertThat(invalid.get("errors").toString()).contains("field=intervalMinutes").contains("VALIDATION_FAILED");
		Map<String, Object> saved = admin().documentName("setBackupSettings")
			.variable("input", settings(720, 14))
			.execute()
			.path("setBackupSettings.settings")
			.entity(MAP)
			.get();
		assertThat(saved).containsEntry("enabled", true)
			.containsEntry("intervalMinutes", 720)
			.containsEntry("keepLast", 14);
		assertThat(operator().documentName("backupSettings").execute().path("backupSettings").entity(MAP).get())
			.containsEntry("intervalMinutes", 720);
		HttpGraphQlTester other = as(TestTokens.forTenant(newTenant("backup-set-b").slug(), "TENANT_ADMIN"));
		assertThat(other.documentName("backupSettings").execute().path("backupSettings").entity(MAP).get())
			.containsEntry("enabled", false)
			.containsEntry("intervalMinutes", 1440);
		operator().documentName("setBackupSettings")
			.variable("input", settings(720, 14))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void shouldNotLetAnotherTenantSeeTakeCompareDownloadOrRestoreBackups() {
		String backup = take("EXPORT");
		String tenantB = newTenant("backup-b").slug();
		HttpGraphQlTester other = as(TestTokens.forTenant(tenantB, "TENANT_ADMIN"));

		assertNotFound(other.documentName("routerBackups").variable("id", this.routerId));
		assertNotFound(other.documentName("backup").variable("id", backup));
		assertNotFound(other.documentName("backupDiff").variable("from", backup).variable("to", backup));
		assertNotFound(other.documentName("takeBackup").variable("input", Map.of("routerId", this.routerId)));
		assertNotFound(other.documentName("restoreBackup")
			.variable("input", Map.of("backupId", backup, "confirmation", "RESTORE core")));
		assertThat(this.mvc.get()
			.uri("/backups/" + backup)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forTenant(tenantB, "TENANT_ADMIN"))
			.exchange()).hasStatus(404);
		assertThat(operator().documentName("routerBackups")
			.variable("id", this.routerId)
			.execute()
			.path("router.backups.edges")
			.entityList(Object.class)
			.get()).hasSize(1);
	}

	private Map<String, Object> settings(int intervalMinutes, int keepLast) {
		return Map.of("enabled", true, "intervalMinutes", intervalMinutes, "keepLast", keepLast, "keepDays", 30,
				"includeSensitive", false, "binary", true);
	}

	private String take(String kind) {
		Map<String, Object> payload = operator().documentName("takeBackup")
			.variable("input", Map.of("routerId", this.routerId, "kind", kind))
			.execute()
			.path("takeBackup")
			.entity(MAP)
			.get();
		assertThat(payload.get("errors")).asList().isEmpty();
		@SuppressWarnings("unchecked")
		String operationId = (String) ((Map<String, Object>) payload.get("operation")).get("id");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(operator().documentName("operation")
				.variable("id", operationId)
				.execute()
				.path("operation.status")
				.entity(String.class)
				.get()).isEqualTo("SUCCEEDED"));
		return operator().documentName("routerBackups")
			.variable("id", this.routerId)
			.variable("kind", kind)
			.execute()
			.path("router.backups.edges[0].node.id")
			.entity(String.class)
			.get();
	}

	private HttpGraphQlTester operator() {
		return as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
	}

	private HttpGraphQlTester admin() {
		return as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
	}

	private static void assertNotFound(HttpGraphQlTester.Request<?> request) {
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	private static final Class<Map<String, Object>> MAP = mapType();

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

}
