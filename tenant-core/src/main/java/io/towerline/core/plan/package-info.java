/**
 * Plans: what the ISP sells (rates, optional burst, optional grace plan). Each plan is a
 * PPP profile that the platform keeps present and identical on every router serving it.
 */
@NullMarked
package io.towerline.core.plan;

import org.jspecify.annotations.NullMarked;
