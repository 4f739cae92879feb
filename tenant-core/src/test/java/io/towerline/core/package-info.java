/**
 * Tests of the tenant core; {@code CoreTestApplication} is their Spring Boot application.
 */
@NullMarked
package io.towerline.core;

import org.jspecify.annotations.NullMarked;
