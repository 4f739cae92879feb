package io.towerline.api.isolation;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantPlacement;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.Tenant;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantStatus;
import io.towerline.core.tenantmove.TenantMoves;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant roles on the platform admin's fields: a tenant admin or operator of one tenant
 * asking to create, suspend, reactivate, re-tier or move a tenant (its own or another),
 * to read moves, clusters or platform alerts, or to rotate the token signing key is
 * refused with FORBIDDEN, and nothing changes.
 */
class PlatformAdminIsolationTests extends ApiTest {

	@Autowired
	TenantCatalog catalog;

	@Autowired
	TenantMoves moves;

	// every case leaves both tenants as they were (that is what it checks), so the
	// cases share them rather than onboard two tenants each
	private static TenantId own;

	private static TenantId other;

	@BeforeEach
	void twoTenants() {
		if (own == null) {
			own = newTenant("iso-pa-own");
			other = newTenant("iso-pa-other");
		}
	}

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					createTenant | TENANT_ADMIN | mutation($fresh: String!) { createTenant(input: { slug: $fresh, displayName: "New" }) { tenant { slug } } }
					createTenant | OPERATOR | mutation($fresh: String!) { createTenant(input: { slug: $fresh, displayName: "New" }) { tenant { slug } } }
					suspendTenant | TENANT_ADMIN | mutation($slug: String!) { suspendTenant(input: { slug: $slug, reason: "x" }) { tenant { status } } }
					suspendTenant | OPERATOR | mutation($slug: String!) { suspendTenant(input: { slug: $slug, reason: "x" }) { tenant { status } } }
					reactivateTenant | TENANT_ADMIN | mutation($slug: String!) { reactivateTenant(input: { slug: $slug }) { tenant { status } } }
					changeTenantRateLimitTier | TENANT_ADMIN | mutation($slug: String!) { changeTenantRateLimitTier(input: { slug: $slug, rateLimitTier: ENTERPRISE }) { tenant { slug } } }
					changeTenantRateLimitTier | OPERATOR | mutation($slug: String!) { changeTenantRateLimitTier(input: { slug: $slug, rateLimitTier: ENTERPRISE }) { tenant { slug } } }
					moveTenant | TENANT_ADMIN | mutation($slug: String!) { moveTenant(input: { slug: $slug, toCluster: "main" }) { move { id } } }
					moveTenant | OPERATOR | mutation($slug: String!) { moveTenant(input: { slug: $slug, toCluster: "main" }) { move { id } } }
					tenantMove | TENANT_ADMIN | query($slug: String!) { tenantMove(slug: $slug) { id step } }
					tenantMove | VIEWER | query($slug: String!) { tenantMove(slug: $slug) { id step } }
					clusters | TENANT_ADMIN | { clusters }
					platformAlerts | TENANT_ADMIN | { platformAlerts { id kind state } }
					rotateSigningKey | TENANT_ADMIN | mutation { rotateSigningKey(input: { reason: "not mine" }) { keyId } }
					""")
	void shouldRefuseTenantRolesOnPlatformAdminFields(String field, String role, String document) {
		Tenant before = this.catalog.get(other);
		String fresh = TestDatabase.uniqueSlug("iso-pa-new");
		for (TenantId target : new TenantId[] { own, other }) {
			as(TestTokens.forTenant(own.slug(), role)).document(document)
				.variable("slug", target.slug())
				.variable("fresh", fresh)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).as(field)
					.isNotEmpty()
					.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		}
		for (TenantId target : new TenantId[] { own, other }) {
			Tenant after = this.catalog.get(target);
			assertThat(after.status()).isEqualTo(TenantStatus.ACTIVE);
			assertThat(after.rateLimitTier()).isEqualTo(before.rateLimitTier()).isNotEqualTo(RateLimitTier.ENTERPRISE);
			assertThat(after.cluster()).isEqualTo(TenantPlacement.MAIN);
			assertThat(this.moves.latest(target)).isEmpty();
		}
		assertThat(this.catalog.find(TenantId.of(fresh))).isEmpty();
	}

}
