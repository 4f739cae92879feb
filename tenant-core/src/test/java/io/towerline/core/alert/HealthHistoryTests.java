package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.health.HealthGranularity;
import io.towerline.core.health.HealthPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The health history the alert sweep records: minute samples kept, finished hours rolled
 * up, too long a range of minutes refused.
 */
class HealthHistoryTests extends AlertTest {

	@Test
	void shouldKeepMinuteSamplesAndRollFinishedHoursUp() {
		Instant hour = this.start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		this.fixture.simulator().cpuLoad(20);
		this.fixture.simulator().uptime(Duration.ofHours(5));
		sweepAtInstant(hour.plus(Duration.ofMinutes(58)));
		this.fixture.simulator().cpuLoad(60);
		sweepAtInstant(hour.plus(Duration.ofMinutes(59)));
		takeDown();
		sweepAtInstant(hour.plus(Duration.ofMinutes(60)));

		List<HealthPoint> minutes = inTenant(() -> this.history.history(this.routerId, hour,
				hour.plus(Duration.ofHours(2)), HealthGranularity.MINUTE));
		assertThat(minutes).extracting(HealthPoint::at, HealthPoint::reachableSamples, HealthPoint::cpuLoad)
			.containsExactly(tuple(hour.plus(Duration.ofMinutes(58)), 1, 20),
					tuple(hour.plus(Duration.ofMinutes(59)), 1, 60), tuple(hour.plus(Duration.ofMinutes(60)), 0, null));
		assertThat(minutes.get(0).freeMemoryPerMille()).isEqualTo(673);
		assertThat(minutes.get(0).uptimeSeconds()).isEqualTo(Duration.ofHours(5).toSeconds());

		List<HealthPoint> hours = inTenant(() -> this.history.history(this.routerId, hour,
				hour.plus(Duration.ofHours(2)), HealthGranularity.HOUR));
		assertThat(hours)
			.extracting(HealthPoint::at, HealthPoint::samples, HealthPoint::reachableSamples, HealthPoint::cpuLoad,
					HealthPoint::cpuLoadMax)
			.containsExactly(tuple(hour, 2, 2, 40, 60), tuple(hour.plus(Duration.ofHours(1)), 1, 0, null, null));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> inTenant(() -> this.history
			.history(this.routerId, hour, hour.plus(Duration.ofDays(8)), HealthGranularity.MINUTE)));
	}

}
