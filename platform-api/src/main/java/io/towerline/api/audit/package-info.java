/**
 * GraphQL access to the command audit log.
 */
@NullMarked
package io.towerline.api.audit;

import org.jspecify.annotations.NullMarked;
