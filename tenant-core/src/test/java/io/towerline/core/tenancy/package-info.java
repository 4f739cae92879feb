/**
 * Tests of tenancy: tenant ids, cluster routing, placement rules, tenant roles and their
 * switch (ADR 0197, ADR 0214).
 */
@NullMarked
package io.towerline.core.tenancy;

import org.jspecify.annotations.NullMarked;
