/**
 * Who asked for a change: a person, an API client or the platform itself. Recorded on
 * operations, drift reports and in the audit logs.
 */
@NullMarked
package io.towerline.core.actor;

import org.jspecify.annotations.NullMarked;
