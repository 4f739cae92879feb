/** Alert API tests. */
@NullMarked
package io.towerline.api.alert;

import org.jspecify.annotations.NullMarked;
