/**
 * The RouterOS API wire protocol: length-prefixed words and zero-terminated sentences,
 * read and written as raw bytes. Shared by the client and the simulator; JDK-only so the
 * simulator runs from the bare jar.
 */
@NullMarked
package io.towerline.mikrotik.wire;

import org.jspecify.annotations.NullMarked;
