/**
 * Tenancy and the ISP domain. Knows nothing about GraphQL or HTTP; the platform-api
 * module is its only caller.
 */
@NullMarked
package io.towerline.core;

import org.jspecify.annotations.NullMarked;
