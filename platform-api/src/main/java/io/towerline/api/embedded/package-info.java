/**
 * The embedded defaults: a real PostgreSQL started in-process when no
 * {@code spring.datasource.url} is configured, with its data kept in a local directory
 * across restarts.
 */
@NullMarked
package io.towerline.api.embedded;

import org.jspecify.annotations.NullMarked;
