package io.towerline.core.health;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's router health history (ADR 0083): minute samples in one row per
 * router and hour, hourly figures in one row per router and day, both kept by dropping
 * whole rows past their retention.
 */
@Service
@Transactional
@EnableConfigurationProperties(HealthProperties.class)
public class HealthHistory {

	/** The most points one history read returns. */
	static final int MAX_POINTS = 10_080;

	private final HealthSampleRepository samples;

	private final Routers routers;

	private final HealthProperties properties;

	private final OnlineCountHistory onlineCounts;

	HealthHistory(HealthSampleRepository samples, Routers routers, HealthProperties properties,
			OnlineCountHistory onlineCounts) {
		this.samples = samples;
		this.routers = routers;
		this.properties = properties;
		this.onlineCounts = onlineCounts;
	}

	/**
	 * Records the minute sample of every router the health sweep saw lately, and returns
	 * the routers that came back or rebooted since the previous sample.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RouterTransition> record(Instant now) {
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		int slot = (int) Duration.between(hour, now).toMinutes() + 1;
		Instant freshSince = now.minus(this.properties.sampleMaxAge());
		this.samples.startHour(hour);
		this.samples.sample(hour, slot, freshSince);
		this.onlineCounts.record(now);
		List<RouterTransition> transitions = new ArrayList<>();
		for (Object[] row : this.samples.observe(now, freshSince)) {
			transitions.add(new RouterTransition((UUID) row[0], (Boolean) row[1], (Boolean) row[2]));
		}
		return transitions;
	}

	/**
	 * Folds every finished hour not yet rolled up into the day rows, then drops what is
	 * past its retention. Cheap when nothing is due: one read of the progress row.
	 * @return hours rolled up
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int rollUp(Instant now) {
		Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
		Instant oldestKept = currentHour.minus(this.properties.minuteRetention());
		Instant from = this.samples.rolledUpTo().orElse(currentHour);
		if (from.isBefore(oldestKept)) {
			from = oldestKept;
		}
		int rolled = 0;
		for (Instant hour = from; hour.isBefore(currentHour); hour = hour.plus(Duration.ofHours(1))) {
			LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
			int slot = hour.atZone(ZoneOffset.UTC).getHour() + 1;
			this.samples.startDay(hour, day);
			this.samples.rollUpHour(hour, day, slot);
			rolled++;
		}
		if (rolled > 0 || this.samples.rolledUpTo().isEmpty()) {
			this.samples.markRolledUpTo(currentHour);
			this.samples.purgeHours(oldestKept);
			this.samples.purgeDays(LocalDate.ofInstant(now.minus(this.properties.hourRetention()), ZoneOffset.UTC));
		}
		return rolled;
	}

	/**
	 * A router's history between {@code from} (inclusive) and {@code to} (exclusive),
	 * oldest first; minutes and hours without a sample are left out.
	 * @throws io.towerline.core.error.NotFoundException when the router does not exist
	 * @throws InvalidInputException when the range is empty or holds more than
	 * {@link #MAX_POINTS} points
	 */
	@Transactional(readOnly = true)
	public List<HealthPoint> history(UUID routerId, Instant from, Instant to, HealthGranularity granularity) {
		Duration step = (granularity == HealthGranularity.MINUTE) ? Duration.ofMinutes(1) : Duration.ofHours(1);
		if (!from.isBefore(to)) {
			throw new InvalidInputException(FieldError.invalid("to", "'to' must be after 'from'"));
		}
		if (Duration.between(from, to).dividedBy(step) > MAX_POINTS) {
			throw new InvalidInputException(FieldError.invalid("from",
					"At most " + MAX_POINTS + " points at a time; ask for a shorter range or hourly points"));
		}
		this.routers.get(routerId);
		return (granularity == HealthGranularity.MINUTE) ? minutes(routerId, from, to) : hours(routerId, from, to);
	}

	private List<HealthPoint> minutes(UUID routerId, Instant from, Instant to) {
		List<HealthPoint> points = new ArrayList<>();
		for (Object[] row : this.samples.hours(routerId, from.truncatedTo(ChronoUnit.HOURS), to)) {
			Instant hour = instant(row[0]);
			Integer[] cpu = slots((String) row[1]);
			Integer[] memory = slots((String) row[2]);
			Integer[] uptime = slots((String) row[3]);
			for (int i = 0; i < cpu.length; i++) {
				Instant at = hour.plus(Duration.ofMinutes(i));
				if (cpu[i] != null && !at.isBefore(from) && at.isBefore(to)) {
					points.add(minute(at, cpu[i], at(memory, i), at(uptime, i)));
				}
			}
		}
		return points;
	}

	private static HealthPoint minute(Instant at, int cpu, @Nullable Integer memory, @Nullable Integer uptime) {
		boolean reachable = cpu >= 0;
		return new HealthPoint(at, 1, reachable ? 1 : 0, reachable ? cpu : null, reachable ? cpu : null, memory,
				(uptime != null) ? uptime.longValue() : null);
	}

	private List<HealthPoint> hours(UUID routerId, Instant from, Instant to) {
		List<HealthPoint> points = new ArrayList<>();
		Instant rolledUpTo = this.samples.rolledUpTo().orElse(Instant.MIN);
		LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
		LocalDate lastDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
		for (Object[] row : this.samples.days(routerId, firstDay, lastDay)) {
			Instant day = date(row[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
			Integer[] cpuAvg = slots((String) row[1]);
			Integer[] cpuMax = slots((String) row[2]);
			Integer[] memoryMin = slots((String) row[3]);
			Integer[] reachable = slots((String) row[4]);
			Integer[] sampled = slots((String) row[5]);
			Integer[] uptime = slots((String) row[6]);
			for (int i = 0; i < sampled.length; i++) {
				Instant at = day.plus(Duration.ofHours(i));
				Integer count = sampled[i];
				if (count != null && count > 0 && at.isBefore(rolledUpTo) && !at.isBefore(from) && at.isBefore(to)) {
					Integer up = at(uptime, i);
					points.add(new HealthPoint(at, count, orZero(at(reachable, i)), at(cpuAvg, i), at(cpuMax, i),
							at(memoryMin, i), (up != null) ? up.longValue() : null));
				}
			}
		}
		Instant openFrom = from.isAfter(rolledUpTo) ? from.truncatedTo(ChronoUnit.HOURS) : rolledUpTo;
		if (openFrom.isBefore(to)) {
			for (Object[] row : this.samples.hours(routerId, openFrom, to)) {
				HealthPoint open = hourFromMinutes(instant(row[0]), slots((String) row[1]), slots((String) row[2]),
						slots((String) row[3]));
				if (open != null && !open.at().isBefore(from)) {
					points.add(open);
				}
			}
		}
		return points;
	}

	/** An hour not rolled up yet, summed up from its minute samples. */
	private static @Nullable HealthPoint hourFromMinutes(Instant hour, Integer[] cpu, Integer[] memory,
			Integer[] uptime) {
		int samples = 0;
		int reachable = 0;
		long cpuSum = 0;
		Integer cpuMax = null;
		Integer memoryMin = null;
		Integer lastUptime = null;
		for (int i = 0; i < cpu.length; i++) {
			if (cpu[i] == null) {
				continue;
			}
			samples++;
			if (cpu[i] >= 0) {
				reachable++;
				cpuSum += cpu[i];
				cpuMax = (cpuMax == null) ? cpu[i] : Math.max(cpuMax, cpu[i]);
			}
			Integer free = at(memory, i);
			if (free != null) {
				memoryMin = (memoryMin == null) ? free : Math.min(memoryMin, free);
			}
			if (at(uptime, i) != null) {
				lastUptime = at(uptime, i);
			}
		}
		if (samples == 0) {
			return null;
		}
		Integer cpuAvg = (reachable > 0) ? (int) Math.round((double) cpuSum / reachable) : null;
		return new HealthPoint(hour, samples, reachable, cpuAvg, cpuMax, memoryMin,
				(lastUptime != null) ? lastUptime.longValue() : null);
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private static @Nullable Integer at(Integer[] values, int index) {
		return (index < values.length) ? values[index] : null;
	}

	/** Parses {@code array_to_string(a, ',', '')}: empty entries are nulls. */
	static Integer[] slots(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return new Integer[0];
		}
		String[] parts = text.split(",", -1);
		Integer[] values = new Integer[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = parts[i].isEmpty() ? null : Integer.valueOf(parts[i]);
		}
		return values;
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((Timestamp) value).toInstant();
	}

	private static LocalDate date(Object value) {
		return (value instanceof LocalDate local) ? local : ((Date) value).toLocalDate();
	}

}
