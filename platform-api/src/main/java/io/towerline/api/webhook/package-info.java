/** GraphQL access to integration webhooks: endpoints, their delivery log and replay. */
@NullMarked
package io.towerline.api.webhook;

import org.jspecify.annotations.NullMarked;
