package io.towerline.core.tenancy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TenantIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "Acme", "ab", "public", "platform", "acme; drop schema public", "../x",
			"a2345678901234567890123456789012345678901", "1acme", "acme_isp", "acme isp", "", "acme\n" })
	void shouldRejectInvalidSlugs(String slug) {
		assertThatExceptionOfType(InvalidTenantSlugException.class).isThrownBy(() -> TenantId.of(slug))
			.satisfies((ex) -> assertThat(ex.code()).hasToString("INVALID_TENANT_SLUG"));
		assertThat(TenantId.isValid(slug)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "acme", "acme-isp", "a12", "a23456789012345678901234567890123456789" })
	void shouldAcceptValidSlugs(String slug) {
		assertThat(TenantId.of(slug).slug()).isEqualTo(slug);
	}

	@org.junit.jupiter.api.Test
	void shouldMapSlugToPrefixedSchema() {
		assertThat(TenantId.of("north-wisp").schemaName()).isEqualTo("t_north_wisp");
	}

	@org.junit.jupiter.api.Test
	void shouldAlwaysClearContextAfterCallAs() {
		TenantId acme = TenantId.of("acme");
		String seen = TenantContext.callAs(acme, () -> TenantContext.require().slug());
		assertThat(seen).isEqualTo("acme");
		assertThat(TenantContext.current()).isEmpty();
		assertThatExceptionOfType(MissingTenantException.class).isThrownBy(TenantContext::require);
	}

	@org.junit.jupiter.api.Test
	void shouldCarryTenantIntoPropagatedTask() throws Exception {
		TenantId acme = TenantId.of("acme");
		String[] seen = new String[1];
		Runnable task = TenantContext.callAs(acme,
				() -> TenantContext.propagating(() -> seen[0] = TenantContext.require().slug()));
		Thread worker = new Thread(task);
		worker.start();
		worker.join();
		assertThat(seen[0]).isEqualTo("acme");
	}

}
