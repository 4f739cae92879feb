/**
 * Architecture rules the build fails on: the one direction of flow between the modules,
 * the adapter's internals kept inside it, no package cycles, and tenant-core's public
 * face kept to what other packages reach.
 */
@NullMarked
package io.towerline.architecture;

import org.jspecify.annotations.NullMarked;
