/**
 * GraphQL operations on subscribers: lifecycle mutations that return operation handles,
 * bulk and CSV creation.
 */
@NullMarked
package io.towerline.api.subscriber;

import org.jspecify.annotations.NullMarked;
