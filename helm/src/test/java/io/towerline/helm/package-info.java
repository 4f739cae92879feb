/**
 * Tests of the Helm chart: lint, render, Kubernetes schema validation, rendered objects.
 */
@NullMarked
package io.towerline.helm;

import org.jspecify.annotations.NullMarked;
