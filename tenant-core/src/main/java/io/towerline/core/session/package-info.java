/**
 * Live sessions: per router, a session tracker keeps the platform's copy of
 * {@code /ppp/active} ({@code listen} as the fast path, a full re-read at start, after
 * every reconnect and periodically as the truth), samples the sessions' interface
 * counters into usage, and keeps every ended session with how it ended. A router's
 * tracker runs on the one replica holding its stream lease. Also kicking a session as a
 * durable operation, and the queries over online and ended sessions.
 */
@NullMarked
package io.towerline.core.session;

import org.jspecify.annotations.NullMarked;
