package io.towerline.mikrotik.files;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An entry of {@code /file}.
 *
 * @param type e.g. {@code backup}, {@code script} (an {@code .rsc} export),
 * {@code directory}
 * @param size in bytes
 * @param modified {@code last-modified} (7.16+) or {@code creation-time}, router-local;
 * null when unknown
 */
public record RouterFile(String id, String name, String type, long size, @Nullable LocalDateTime modified) {

}
