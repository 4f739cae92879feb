package io.towerline.api.tenantmove;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The placement API as each role sees it: only platform admins list clusters, move
 * tenants or read a move (a tenant admin cannot move even its own tenant, nor read
 * another's move); unknown clusters and impossible moves are payload errors, and nothing
 * is recorded for them.
 */
class TenantMoveApiTests extends ApiTest {

	private static final String MOVE = """
			mutation move($slug: String!, $to: String!) {
			  moveTenant(input: { slug: $slug, toCluster: $to }) {
			    move { id tenant fromCluster toCluster step }
			    errors { field code message }
			  }
			}""";

	private static final String READ = """
			query read($slug: String!) { tenantMove(slug: $slug) { id step } clusters }""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldLetOnlyPlatformAdminsMoveOrSeeMoves() {
		TenantId own = newTenant("mvown");
		TenantId other = newTenant("mvother");
		for (String token : new String[] { TestTokens.forTenant(own.slug(), "TENANT_ADMIN"),
				TestTokens.forTenant(own.slug(), "OPERATOR") }) {
			for (TenantId target : new TenantId[] { own, other }) {
				as(token).document(MOVE)
					.variable("slug", target.slug())
					.variable("to", "main")
					.execute()
					.errors()
					.satisfy((errors) -> assertThat(errors).isNotEmpty()
						.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
				as(token).document(READ)
					.variable("slug", target.slug())
					.execute()
					.errors()
					.satisfy((errors) -> assertThat(errors).isNotEmpty()
						.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
			}
		}
		assertThat(moves(own) + moves(other)).isZero();
	}

	@Test
	void shouldReportUnknownClustersAndImpossibleMovesAsPayloadErrors() {
		TenantId tenant = newTenant("mvapi");
		admin().document(MOVE)
			.variable("slug", tenant.slug())
			.variable("to", "west")
			.execute()
			.path("moveTenant.move")
			.valueIsNull()
			.path("moveTenant.errors[0].field")
			.entity(String.class)
			.isEqualTo("toCluster")
			.path("moveTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("UNKNOWN_CLUSTER");
		admin().document(MOVE)
			.variable("slug", tenant.slug())
			.variable("to", "main")
			.execute()
			.path("moveTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_STATE");
		admin().document(MOVE)
			.variable("slug", "no-such-tenant")
			.variable("to", "main")
			.execute()
			.path("moveTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertThat(moves(tenant)).isZero();
		admin().document(READ)
			.variable("slug", tenant.slug())
			.execute()
			.path("tenantMove")
			.valueIsNull()
			.path("clusters[0]")
			.entity(String.class)
			.isEqualTo("main");
	}

	@Test
	void shouldRefuseToOnboardOnAnUnknownCluster() {
		String slug = TestDatabase.uniqueSlug("mvnew");
		admin().documentName("createTenant")
			.variable("input", Map.of("slug", slug, "displayName", "Placed", "cluster", "west"))
			.execute()
			.path("createTenant.tenant")
			.valueIsNull()
			.path("createTenant.errors[0].field")
			.entity(String.class)
			.isEqualTo("cluster")
			.path("createTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("UNKNOWN_CLUSTER");
		assertThat(this.jdbc.sql("SELECT count(*) FROM public.tenant WHERE slug = ?")
			.param(slug)
			.query(Integer.class)
			.single()).isZero();
		admin()
			.document("mutation c($input: CreateTenantInput!) { createTenant(input: $input) { tenant { cluster } } }")
			.variable("input", Map.of("slug", slug, "displayName", "Placed", "cluster", "main"))
			.execute()
			.path("createTenant.tenant.cluster")
			.entity(String.class)
			.isEqualTo("main");
	}

	private int moves(TenantId tenant) {
		return this.jdbc.sql("SELECT count(*) FROM public.tenant_move WHERE tenant = ?")
			.param(tenant.slug())
			.query(Integer.class)
			.single();
	}

	private HttpGraphQlTester admin() {
		return as(TestTokens.platformAdmin());
	}

}
