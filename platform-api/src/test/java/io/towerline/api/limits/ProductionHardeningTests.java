package io.towerline.api.limits;

import graphql.introspection.Introspection;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static io.towerline.api.limits.GraphQlLimitsTests.codes;
import static io.towerline.api.limits.GraphQlLimitsTests.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile with trusted documents on: introspection is refused even for a
 * trusted document, and documents outside the manifest never run.
 */
@ActiveProfiles("production")
@TestPropertySource(properties = { "towerline.graphql.trusted-documents.enabled=true",
		"towerline.graphql.trusted-documents.manifest=classpath:graphql-test/trusted-documents.json",
		// production needs a credential key given (ProductionSettingsCheck): ApiTest
		// gives
		// every context the JVM's one key
		// every context in this JVM polls the one job queue: this one must deliver
		// other classes' webhooks and SMS to their loopback receivers as they would
		"towerline.outbound.allow-private-destinations=true" })
class ProductionHardeningTests extends ApiTest {

	/**
	 * Spring Boot turns introspection off JVM-wide when its property is false; give the
	 * contexts of later test classes in this JVM their default back.
	 */
	@AfterAll
	static void restoreIntrospection() {
		Introspection.enabledJvmWide(true);
	}

	@Test
	void shouldRefuseIntrospectionUnderTheProductionProfile() {
		GraphQlResponse response = execute(viewer(), "{ __schema { queryType { name } } }");

		assertThat(codes(response)).containsExactly("INTROSPECTION_DISABLED");
		assertThat(response.getExtensions()).containsKey("cost");
	}

	@Test
	void shouldRunTrustedDocumentsOnly() {
		HttpGraphQlTester viewer = viewer();

		assertThat(codes(execute(viewer, "{ me { subject tenant } }"))).isEmpty();
		assertThat(codes(execute(viewer, "{ __typename }"))).isEmpty();
		assertThat(codes(execute(viewer, "{ me { subject } }"))).containsExactly("PERSISTED_QUERY_NOT_ALLOWED");
		assertThat(codes(execute(viewer, "{ me { subject tenant }}"))).containsExactly("PERSISTED_QUERY_NOT_ALLOWED");
	}

	private HttpGraphQlTester viewer() {
		TenantId tenant = newTenant("prod");
		return as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
	}

}
