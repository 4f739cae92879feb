/**
 * Tests of sealed secrets.
 */
@NullMarked
package io.towerline.core.credentials;

import org.jspecify.annotations.NullMarked;
