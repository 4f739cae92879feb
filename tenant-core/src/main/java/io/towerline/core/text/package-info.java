/**
 * Rules for text that the platform hands to routers, which must arrive exactly as the
 * caller gave it or be refused.
 */
@NullMarked
package io.towerline.core.text;

import org.jspecify.annotations.NullMarked;
