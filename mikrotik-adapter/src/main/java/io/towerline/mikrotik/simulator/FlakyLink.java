package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * How a router on a bad link treats commands, as shares of all commands: some are
 * answered with {@code !fatal} (the session ends), some are lost with their connection
 * (dropped before the router ran them), some are applied but their reply is cut mid-way
 * (the connection breaks inside a sentence), and some are answered late. Draws come from
 * a seeded generator, so the mix of a run can be repeated.
 */
public final class FlakyLink {

	/** What happens to one command. */
	public enum Fate {

		ANSWER, FATAL, DROP, CUT, SLOW

	}

	private final double fatalShare;

	private final double dropShare;

	private final double cutShare;

	private final double slowShare;

	private final Duration slowDelay;

	private final Random random;

	/**
	 * @param fatalShare share answered with {@code !fatal}
	 * @param dropShare share whose connection is dropped before the command runs
	 * @param cutShare share applied, whose reply is cut mid-sentence and the connection
	 * closed
	 * @param slowShare share answered after {@code slowDelay}
	 * @param slowDelay the delay of slow replies
	 * @param seed seed of the draws
	 */
	public FlakyLink(double fatalShare, double dropShare, double cutShare, double slowShare, Duration slowDelay,
			long seed) {
		if (fatalShare < 0 || dropShare < 0 || cutShare < 0 || slowShare < 0
				|| fatalShare + dropShare + cutShare + slowShare > 1.0) {
			throw new IllegalArgumentException("shares must be between 0 and 1 and add up to at most 1");
		}
		this.fatalShare = fatalShare;
		this.dropShare = dropShare;
		this.cutShare = cutShare;
		this.slowShare = slowShare;
		this.slowDelay = slowDelay;
		this.random = new Random(seed);
	}

	/** The link of issue 15: 2% fatal, 2% dropped, 1% cut, 5% three seconds late. */
	public static FlakyLink badAccessLink(long seed) {
		return new FlakyLink(0.02, 0.02, 0.01, 0.05, Duration.ofSeconds(3), seed);
	}

	Fate draw() {
		double roll = this.random.nextDouble();
		double edge = this.fatalShare;
		if (roll < edge) {
			return Fate.FATAL;
		}
		edge += this.dropShare;
		if (roll < edge) {
			return Fate.DROP;
		}
		edge += this.cutShare;
		if (roll < edge) {
			return Fate.CUT;
		}
		edge += this.slowShare;
		return (roll < edge) ? Fate.SLOW : Fate.ANSWER;
	}

	Duration slowDelay() {
		return this.slowDelay;
	}

}
