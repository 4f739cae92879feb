/**
 * Tests of the embedded authorization server: OAuth flows, the first platform admin, JWT
 * attacks, identity isolation, no secret in the logs.
 */
@NullMarked
package io.towerline.api.identity;

import org.jspecify.annotations.NullMarked;
