/**
 * API usage per tenant and API client, counted in-process since start-up; the tenant
 * console reports it.
 */
@NullMarked
package io.towerline.api.usage;

import org.jspecify.annotations.NullMarked;
