package io.towerline.core.pop;

import java.math.BigDecimal;
import java.util.UUID;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.MissingTenantException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class PointsOfPresenceTests extends DatabaseTest {

	@Autowired
	PointsOfPresence pops;

	@Autowired
	TenantOnboarding onboarding;

	TenantId tenantA;

	TenantId tenantB;

	@BeforeEach
	void twoTenants() {
		this.tenantA = TenantId.of(this.onboarding.onboard(TestDatabase.uniqueSlug("popa"), "A", RateLimitTier.STARTER)
			.tenant()
			.id()
			.slug());
		this.tenantB = TenantId.of(this.onboarding.onboard(TestDatabase.uniqueSlug("popb"), "B", RateLimitTier.STARTER)
			.tenant()
			.id()
			.slug());
	}

	@Test
	void shouldKeepEachTenantsPopsApart() {
		UUID popOfA = TenantContext.callAs(this.tenantA, () -> this.pops.create(details("Hilltop")).id());

		TenantContext.runAs(this.tenantB, () -> {
			assertThat(this.pops.list(ScrollPosition.keyset(), 50)).isEmpty();
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.pops.get(popOfA));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.pops.update(popOfA, details("Stolen")));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.pops.delete(popOfA));
		});

		TenantContext.runAs(this.tenantA, () -> assertThat(this.pops.get(popOfA).name()).isEqualTo("Hilltop"));
	}

	@Test
	void shouldFailClosedWithoutTenant() {
		assertThatExceptionOfType(MissingTenantException.class)
			.isThrownBy(() -> this.pops.list(ScrollPosition.keyset(), 10));
		assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> this.pops.create(details("X")));
	}

	@Test
	void shouldRejectDuplicateNameCaseInsensitively() {
		TenantContext.runAs(this.tenantA, () -> {
			this.pops.create(details("Water Tower"));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.pops.create(details("water tower")))
				.satisfies((ex) -> assertThat(ex.errors().get(0).code()).hasToString("DUPLICATE"));
		});
	}

	@Test
	void shouldReportEveryInvalidField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PopDetails.of(" ", "", new BigDecimal("91"), new BigDecimal("10"), null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting((e) -> e.field())
				.containsExactly("name", "address", "latitude"));
	}

	private static PopDetails details(String name) {
		return PopDetails.of(name, "1 Main Street", new BigDecimal("-1.286389"), new BigDecimal("36.817223"), null);
	}

}
