package io.towerline.core.usage;

import java.time.Instant;

/** Usage in one bucket of a series, starting at {@code start}. */
public record UsagePoint(Instant start, Counters counters) {

}
