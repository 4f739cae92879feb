package io.towerline.mikrotik.system;

/** One entry of {@code /system/package}. */
public record InstalledPackage(String name, String version, boolean disabled) {

}
