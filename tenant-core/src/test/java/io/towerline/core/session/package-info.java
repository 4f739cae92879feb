/**
 * Tests of session tracking and the online-session search.
 */
@NullMarked
package io.towerline.core.session;

import org.jspecify.annotations.NullMarked;
