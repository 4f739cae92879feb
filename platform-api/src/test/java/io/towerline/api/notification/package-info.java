/**
 * Tests of notifications through the API: mail and SMS delivery, templates and their
 * previews, outbox retention.
 */
@NullMarked
package io.towerline.api.notification;

import org.jspecify.annotations.NullMarked;
