package io.towerline.core.identity;

/**
 * Published after a change that can revoke access has been committed (a user disabled,
 * re-enabled, given other roles or a new password; an API client revoked or given a new
 * secret), so that request-time caches drop the principal at once.
 *
 * @param kind user or API client
 * @param name the user name or the client id, as carried in a token's subject
 */
public record AccessChanged(PrincipalKind kind, String name) {

}
