/**
 * Backups over the API: the GraphQL queries and mutations, the streamed download for
 * staff, and the short-lived signed links routers download a backup from when it is
 * restored.
 */
@NullMarked
package io.towerline.api.backup;

import org.jspecify.annotations.NullMarked;
