/**
 * The tenant catalog in the {@code public} schema, onboarding (schema creation and the
 * tenant changelog), and the start-up migration of every tenant schema.
 */
@NullMarked
package io.towerline.core.tenancy.catalog;

import org.jspecify.annotations.NullMarked;
