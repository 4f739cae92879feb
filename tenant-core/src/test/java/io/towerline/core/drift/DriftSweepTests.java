package io.towerline.core.drift;

import io.towerline.core.sweep.PacedSweeps;
import io.towerline.core.sweep.TenantSweeps;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled sweep (ADR 0263) as db-scheduler runs it; the tests' configuration
 * spreads nothing, so it does not wait.
 */
class DriftSweepTests extends DriftTest {

	@Autowired
	TenantSweeps sweeps;

	@Autowired
	PacedSweeps paced;

	@Autowired
	DriftProperties properties;

	@Test
	void aSweepChecksEveryRouterOfTheTenant() {
		assertThat(inTenant(() -> this.reports.list(this.routerId, ScrollPosition.keyset(), 1).getContent())).isEmpty();
		sweep(false);
		assertThat(inTenant(() -> this.reports.list(this.routerId, ScrollPosition.keyset(), 1).getContent()))
			.singleElement()
			.satisfies((report) -> assertThat(report.routerId()).isEqualTo(this.routerId));
	}

	@Test
	void aStoppingSchedulerStartsNoChecks() {
		sweep(true);
		assertThat(inTenant(() -> this.reports.list(this.routerId, ScrollPosition.keyset(), 1).getContent())).isEmpty();
	}

	private void sweep(boolean stopping) {
		DriftSweep.sweep(this.checks, this.reports, this.routers, this.sweeps, this.paced, this.transactions,
				this.properties, () -> stopping);
	}

}
