/**
 * Architecture rules the build fails on: the one direction of flow between the modules,
 * the adapter's internals kept inside it, and no package cycles.
 */
@NullMarked
package io.towerline.architecture;

import org.jspecify.annotations.NullMarked;
