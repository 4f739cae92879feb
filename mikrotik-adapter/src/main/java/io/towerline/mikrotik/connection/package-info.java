/**
 * One API connection: login, a single serialised writer, one reader on a virtual thread
 * that demultiplexes tagged replies and never runs caller code, cancellation on timeout,
 * and failure that reaches every waiting caller at once. Internal to the module.
 */
@NullMarked
package io.towerline.mikrotik.connection;

import org.jspecify.annotations.NullMarked;
