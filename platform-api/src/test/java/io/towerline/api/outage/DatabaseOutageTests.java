package io.towerline.api.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.towerline.api.embedded.DatabasePassword;
import io.towerline.api.embedded.EmbeddedPostgresLauncher;
import io.towerline.api.embedded.EmbeddedProperties;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The database goes away under a running application (a restart, a failover): queries and
 * mutations answer DATABASE_UNAVAILABLE, retryable, never INTERNAL_ERROR, whether the
 * failure comes in a data fetcher or before GraphQL (the tenant's catalog check); and the
 * same requests succeed once the database is back. This application has a PostgreSQL of
 * its own, so that stopping it leaves the shared test database alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
class DatabaseOutageTests {

	private static final Path DATA_DIR = temporaryDir();

	private static final int PORT = freePort();

	private static EmbeddedPostgres database = start();

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	TenantOnboarding onboarding;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> DatabasePassword.of(DATA_DIR));
		// fail fast instead of waiting 30 s for a connection
		registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
		registry.add("towerline.embedded.data-dir", DATA_DIR::toString);
		registry.add("towerline.security.tenant-cache-ttl", () -> "10m");
		registry.add("towerline.security.issuers[0].issuer-uri", () -> TestTokens.ISSUER);
		registry.add("towerline.security.issuers[0].public-key-location", TestTokens::publicKeyLocation);
	}

	@AfterAll
	static void stop() throws IOException {
		database.close();
	}

	@Test
	void shouldAnswerDatabaseUnavailableWhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
		String seen = TestDatabase.uniqueSlug("outage");
		String unseen = TestDatabase.uniqueSlug("outage-cold");
		this.onboarding.onboard(seen, "Seen before", RateLimitTier.STANDARD);
		this.onboarding.onboard(unseen, "Never seen", RateLimitTier.STANDARD);
		HttpGraphQlTester operator = as(TestTokens.forTenant(seen, "OPERATOR"));
		assertThat(createPop(operator, "Before")).isEmpty();

		database.close();
		try {
			assertDatabaseUnavailable(errorsOf(operator.documentName("pops").variable("first", 5)));
			assertDatabaseUnavailable(createPop(operator, "During"));

			// a tenant not in the status cache is checked in the catalog before GraphQL
			// runs
			MvcResult cold = this.mvc
				.perform(post("/graphql").header("Authorization", "Bearer " + TestTokens.forTenant(unseen, "OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"query\":\"{ pops(first: 5) { edges { node { id } } } }\"}"))
				.andReturn();
			assertThat(cold.getResponse().getStatus()).isEqualTo(503);
			assertThat(cold.getResponse().getHeader("Retry-After")).isEqualTo("5");
			assertThat(cold.getResponse().getContentAsString()).contains("\"code\":\"DATABASE_UNAVAILABLE\"")
				.contains("\"retryable\":true")
				.doesNotContain("INTERNAL_ERROR");
		}
		finally {
			database = start();
		}

		// the pool may hand out a connection that died with the old server once before it
		// notices: the answer to that is the retryable code, and the retry succeeds
		await().atMost(Duration.ofSeconds(15)).until(() -> createPop(operator, "After").isEmpty());
		assertThat(operator.documentName("pops")
			.variable("first", 5)
			.execute()
			.path("pops.edges[*].node.name")
			.entityList(String.class)
			.get()).containsExactlyInAnyOrder("Before", "After");
	}

	private static List<ResponseError> createPop(HttpGraphQlTester operator, String name) {
		return errorsOf(
				operator.documentName("createPop").variable("input", Map.of("name", name, "address", "Ridge Road 1")));
	}

	private static List<ResponseError> errorsOf(GraphQlTester.Request<?> request) {
		List<ResponseError> errors = new ArrayList<>();
		request.execute().errors().satisfy(errors::addAll);
		return errors;
	}

	private static void assertDatabaseUnavailable(List<ResponseError> errors) {
		assertThat(errors).isNotEmpty().allSatisfy((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "DATABASE_UNAVAILABLE")
				.containsEntry("retryable", true)
				.containsEntry("retryAfterSeconds", 5);
			assertThat(error.getMessage()).doesNotContain("SQL").doesNotContain("Exception");
		});
	}

	private HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	private static EmbeddedPostgres start() {
		return EmbeddedPostgresLauncher.start(new EmbeddedProperties(DATA_DIR, PORT, false, null, null));
	}

	private static Path temporaryDir() {
		try {
			return Files.createTempDirectory("towerline-outage");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
