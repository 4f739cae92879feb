/**
 * Who may sign in: users (people, of one tenant or of the platform realm) and API clients
 * (machines of one tenant). Passwords and client secrets are kept only as hashes; a
 * generated secret is handed out once, in an {@link io.towerline.core.identity.Issued}.
 * Every change is written to the security event log and announced with
 * {@link io.towerline.core.identity.AccessChanged} so that request-time caches drop it.
 */
@NullMarked
package io.towerline.core.identity;

import org.jspecify.annotations.NullMarked;
