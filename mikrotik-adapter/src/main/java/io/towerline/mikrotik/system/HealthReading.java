package io.towerline.mikrotik.system;

/**
 * One sensor value, in the same shape whatever the RouterOS version.
 *
 * @param name e.g. {@code voltage}, {@code temperature}, {@code cpu-temperature}
 * @param value as the router prints it, e.g. {@code 24.1}
 * @param unit {@code V}, {@code C}, {@code W}, {@code A}, {@code RPM}, or empty when
 * unknown
 */
public record HealthReading(String name, String value, String unit) {

}
