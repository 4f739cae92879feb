/**
 * Tests of live sessions through the API: the shared online-sessions feed and session
 * queries.
 */
@NullMarked
package io.towerline.api.session;

import org.jspecify.annotations.NullMarked;
