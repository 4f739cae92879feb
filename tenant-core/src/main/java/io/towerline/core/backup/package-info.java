/**
 * Router configuration backups: text exports and binary backups taken on a schedule or on
 * demand, stored encrypted per tenant and de-duplicated when nothing changed, compared
 * line by line, pruned by retention, and restored onto the router behind an explicit
 * confirmation.
 */
@NullMarked
package io.towerline.core.backup;

import org.jspecify.annotations.NullMarked;
