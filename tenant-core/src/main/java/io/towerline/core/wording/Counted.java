package io.towerline.core.wording;

/**
 * A count and the noun it counts, in the singular for exactly one and the plural
 * otherwise: "1 subscriber", "3 subscribers", "0 profiles". Never a noun with "(s)" after
 * it: the platform knows the number it writes (ADR 0265).
 */
public final class Counted {

	private Counted() {
	}

	/** The count with a noun whose plural adds "s" ({@code subscriber}, {@code day}). */
	public static String of(long count, String singular) {
		return of(count, singular, singular + "s");
	}

	/**
	 * The count with a noun whose plural is irregular ({@code schema}, {@code schemas}).
	 */
	public static String of(long count, String singular, String plural) {
		return count + " " + ((count == 1) ? singular : plural);
	}

}
