package io.towerline.mikrotik.pool;

import org.jspecify.annotations.Nullable;

/**
 * An {@code /ip/pool} entry.
 *
 * @param id the router's {@code .id}
 * @param name what profiles refer to
 * @param ranges comma-separated ranges ({@code 10.0.0.2-10.0.0.254}) or prefixes
 * ({@code 10.1.0.0/24})
 * @param comment free text, or null
 */
public record IpPool(String id, String name, String ranges, @Nullable String comment) {

}
