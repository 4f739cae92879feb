/**
 * GraphQL for live sessions: who is online (filtered, sorted, keyset-paged, counted),
 * ended sessions, kicking a session, online counts on routers and POPs, and a live feed
 * of logins and logouts per router, and the live table's feed of who is online per
 * tenant.
 */
@NullMarked
package io.towerline.api.session;

import org.jspecify.annotations.NullMarked;
