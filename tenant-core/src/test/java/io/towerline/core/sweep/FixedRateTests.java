package io.towerline.core.sweep;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FixedRateTests {

	private static final Instant DUE = Instant.parse("2026-11-28T14:00:00Z");

	private final FixedRate everyMinute = FixedRate.of(Duration.ofMinutes(1));

	private static ExecutionComplete ran(Instant due, Duration took) {
		Execution execution = new Execution(due, new TaskInstance<Void>("router-health-sweep", "recurring"));
		return ExecutionComplete.success(execution, due, due.plus(took));
	}

	@Test
	void theNextRunIsDueOneIntervalAfterThisOneWasDueHoweverLongItTook() {
		assertThat(this.everyMinute.getNextExecutionTime(ran(DUE, Duration.ofMillis(20))))
			.isEqualTo(DUE.plusSeconds(60));
		assertThat(this.everyMinute.getNextExecutionTime(ran(DUE, Duration.ofSeconds(45))))
			.isEqualTo(DUE.plusSeconds(60));
	}

	@Test
	void aRunThatOverranItsIntervalStartsTheNextAtOnce() {
		assertThat(this.everyMinute.getNextExecutionTime(ran(DUE, Duration.ofSeconds(75))))
			.isEqualTo(DUE.plusSeconds(75));
	}

	@Test
	void theFirstRunIsDueAtStartUp() {
		assertThat(this.everyMinute.getInitialExecutionTime(DUE)).isEqualTo(DUE);
	}

	@Test
	void anIntervalMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> FixedRate.of(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> FixedRate.of(Duration.ofSeconds(-1)));
	}

}
