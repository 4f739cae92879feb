/** Tests of the command audit log across crashes, broken batches and rollbacks. */
@NullMarked
package io.towerline.core.audit;

import org.jspecify.annotations.NullMarked;
