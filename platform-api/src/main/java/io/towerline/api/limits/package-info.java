/**
 * GraphQL hardening: limits on documents (parser tokens, depth, aliases, introspection,
 * trusted documents) and the cost model that prices each operation before it runs. Every
 * limit answers with its own {@code extensions.code} ({@link LimitCode}).
 */
@NullMarked
package io.towerline.api.limits;

import org.jspecify.annotations.NullMarked;
