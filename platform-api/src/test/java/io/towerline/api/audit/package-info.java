/**
 * Tests of the command audit log through the API.
 */
@NullMarked
package io.towerline.api.audit;

import org.jspecify.annotations.NullMarked;
