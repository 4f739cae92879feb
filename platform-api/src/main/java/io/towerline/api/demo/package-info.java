/**
 * The embedded demo: a clearly labelled demo tenant with in-process simulated routers,
 * set up through tenant-core's services as a user would, so the first sign-in shows a
 * living network. Embedded mode only; production never starts it (ADR 0076).
 */
@NullMarked
package io.towerline.api.demo;

import org.jspecify.annotations.NullMarked;
