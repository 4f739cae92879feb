/** The GraphQL face of router health history: {@code Router.healthHistory}. */
@NullMarked
package io.towerline.api.health;

import org.jspecify.annotations.NullMarked;
