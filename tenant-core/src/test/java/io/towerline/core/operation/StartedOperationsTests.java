package io.towerline.core.operation;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.StartedOperations.Started;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a recording reports: the operations enqueued while it ran, in order, nothing when
 * none runs, none for a change that threw, and an inner recording's also to the outer.
 */
class StartedOperationsTests {

	@Test
	void shouldReportTheOperationsEnqueuedDuringTheChangeInOrder() {
		RouterOperation first = operation();
		RouterOperation second = operation();
		Started<String> started = StartedOperations.during(() -> {
			StartedOperations.enqueued(first);
			StartedOperations.enqueued(second);
			return "changed";
		});
		assertThat(started.result()).isEqualTo("changed");
		assertThat(started.operations()).containsExactly(first, second);
	}

	@Test
	void shouldNoteNothingOutsideARecordingAndForgetAFinishedOne() {
		StartedOperations.enqueued(operation());
		StartedOperations.during(() -> {
			StartedOperations.enqueued(operation());
			return null;
		});
		assertThat(StartedOperations.during(() -> 1).operations()).isEmpty();
	}

	@Test
	void shouldAddAnInnerRecordingsOperationsToTheOuterOne() {
		RouterOperation outer = operation();
		RouterOperation inner = operation();
		Started<Started<Void>> started = StartedOperations.during(() -> {
			StartedOperations.enqueued(outer);
			return StartedOperations.during(() -> {
				StartedOperations.enqueued(inner);
				return null;
			});
		});
		assertThat(started.result().operations()).containsExactly(inner);
		assertThat(started.operations()).containsExactly(outer, inner);
	}

	@Test
	void shouldReportNoneForAChangeThatThrewAndStopRecording() {
		assertThatIllegalStateException().isThrownBy(() -> StartedOperations.during(() -> {
			StartedOperations.enqueued(operation());
			throw new IllegalStateException("refused");
		}));
		assertThat(StartedOperations.during(() -> 1).operations()).isEmpty();
	}

	private static RouterOperation operation() {
		return new RouterOperation(
				OperationRequest.syncPlan(UUID.randomUUID(), UUID.randomUUID(), Actor.system("test")), Instant.now());
	}

}
