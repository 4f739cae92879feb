/**
 * Tests of one API connection over a counting socket: login, pipelining, closing.
 */
@NullMarked
package io.towerline.mikrotik.connection;

import org.jspecify.annotations.NullMarked;
