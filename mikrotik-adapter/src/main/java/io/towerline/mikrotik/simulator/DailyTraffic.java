package io.towerline.mikrotik.simulator;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * The background traffic model: each subscriber gets a peak-hour download rate when it
 * dials in (log-normal around 2 Mbit/s, one in twenty a heavy user at five times that,
 * never above its plan's rate limit) and an upload share; every tick moves its counters
 * by that rate times the hour's weight on a residential daily curve (trough around 04:00,
 * peak 20:00-22:00) times noise.
 */
final class DailyTraffic {

	/**
	 * Share of the evening peak per hour of day (local time of the simulator's clock).
	 */
	private static final double[] CURVE = { 0.45, 0.30, 0.20, 0.15, 0.12, 0.15, 0.25, 0.35, 0.40, 0.45, 0.50, 0.50,
			0.55, 0.55, 0.55, 0.60, 0.65, 0.75, 0.85, 0.95, 1.00, 1.00, 0.85, 0.65 };

	private static final double MEDIAN_PEAK_BYTES_PER_SECOND = 250_000;

	private static final double HEAVY_USER_SHARE = 0.05;

	private static final int DOWNLOAD_PACKET_BYTES = 1_200;

	private static final int UPLOAD_PACKET_BYTES = 300;

	private DailyTraffic() {
	}

	static float peakDownloadBytesPerSecond(Random random, @Nullable String plan) {
		double rate = MEDIAN_PEAK_BYTES_PER_SECOND * Math.exp(random.nextGaussian() * 0.8);
		if (random.nextDouble() < HEAVY_USER_SHARE) {
			rate *= 5;
		}
		return (float) Math.min(rate, planDownloadBytesPerSecond(plan) * 0.95);
	}

	static float uploadShare(Random random) {
		return (float) (0.05 + random.nextDouble() * 0.25);
	}

	/**
	 * The weight of this instant on the daily curve, 0.12 to 1, interpolated per hour.
	 */
	static double weight(Clock clock) {
		LocalTime time = LocalTime.now(clock);
		double hour = time.getHour() + time.getMinute() / 60.0 + time.getSecond() / 3600.0;
		int from = (int) hour;
		double within = hour - from;
		return CURVE[from] + (CURVE[(from + 1) % 24] - CURVE[from]) * within;
	}

	/** Moves one session's counters by what it transferred during {@code seconds}. */
	static void tick(PppSessions sessions, OnlineSession session, double weight, double seconds, Random random) {
		double noise = 0.3 + random.nextDouble() * 1.4;
		long download = (long) (session.downloadBytesPerSecond() * weight * seconds * noise);
		long upload = (long) (download * session.uploadShare());
		if (download == 0 && upload == 0) {
			return;
		}
		long downloadPackets = (download + DOWNLOAD_PACKET_BYTES - 1) / DOWNLOAD_PACKET_BYTES;
		// the subscriber acknowledges roughly every other download packet
		long uploadPackets = (upload + UPLOAD_PACKET_BYTES - 1) / UPLOAD_PACKET_BYTES + downloadPackets / 2;
		sessions.addTraffic(session, upload, download, uploadPackets, downloadPackets);
	}

	/**
	 * The download limit of a seeded plan ({@code plan-10M} and the like; rx/tx in a rate
	 * limit is the subscriber's upload/download), 100 Mbit/s for anything else.
	 */
	static double planDownloadBytesPerSecond(@Nullable String plan) {
		if (plan != null && plan.startsWith("plan-") && plan.endsWith("M")) {
			try {
				return Integer.parseInt(plan.substring(5, plan.length() - 1)) * 125_000.0;
			}
			catch (NumberFormatException ex) {
				// not a seeded plan
			}
		}
		return 12_500_000;
	}

}
