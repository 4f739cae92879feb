/**
 * Tests of subscribers: bulk actions, password reveal, PPPoE usernames, confirmations.
 */
@NullMarked
package io.towerline.core.subscriber;

import org.jspecify.annotations.NullMarked;
