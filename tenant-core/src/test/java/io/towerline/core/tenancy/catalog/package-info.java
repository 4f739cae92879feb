/**
 * Tests of the tenant catalog: onboarding and schema migrations at start-up and
 * concurrently.
 */
@NullMarked
package io.towerline.core.tenancy.catalog;

import org.jspecify.annotations.NullMarked;
