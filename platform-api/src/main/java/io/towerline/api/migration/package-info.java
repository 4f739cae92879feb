/**
 * When schema migrations run: at start-up (the default, one replica), never (replicas
 * behind a migration Job), or only (the Job: migrate, then exit).
 */
@NullMarked
package io.towerline.api.migration;

import org.jspecify.annotations.NullMarked;
