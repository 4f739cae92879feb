/**
 * A RouterOS API simulator: a real TCP server speaking the wire protocol with version
 * profiles, seeded PPP data and fault injection, for tests, the embedded demo and the
 * command line. JDK-only (logging through {@link java.lang.System.Logger}) so that it
 * runs from the bare jar.
 */
@NullMarked
package io.towerline.mikrotik.simulator;

import org.jspecify.annotations.NullMarked;
