package io.towerline.core.sweep;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * A recurring task's schedule that starts each run one interval after the previous run
 * was due, not after it finished (db-scheduler's {@code FixedDelay}): a sweep that
 * spreads its work over most of its interval ({@link SweepPacing}) still runs once per
 * interval. A run that overran starts the next at once.
 */
public final class FixedRate implements Schedule {

	private final Duration interval;

	private FixedRate(Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("A fixed rate needs a positive interval, not " + interval);
		}
		this.interval = interval;
	}

	/**
	 * @param interval the time from one run's due time to the next's
	 * @return the schedule
	 */
	public static FixedRate of(Duration interval) {
		return new FixedRate(interval);
	}

	@Override
	public Instant getNextExecutionTime(ExecutionComplete complete) {
		Instant next = complete.getExecution().getExecutionTime().plus(this.interval);
		Instant done = complete.getTimeDone();
		return next.isAfter(done) ? next : done;
	}

	@Override
	public Instant getInitialExecutionTime(Instant now) {
		// as FixedDelay: the first run at start-up
		return now;
	}

	@Override
	public boolean isDeterministic() {
		return false;
	}

	@Override
	public String toString() {
		return "FixedRate " + this.interval;
	}

}
