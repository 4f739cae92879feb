/**
 * How the platform writes counts in the sentences people read (refusals, summaries,
 * notices, logs).
 */
@NullMarked
package io.towerline.core.wording;

import org.jspecify.annotations.NullMarked;
