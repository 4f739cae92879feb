package io.towerline.mikrotik.credentials;

/**
 * Where a router endpoint's login comes from: given directly, or sealed and looked up in
 * a {@link CredentialVault} at connect time (so plaintext lives only as long as a login
 * takes).
 */
public sealed interface CredentialSource permits UsernamePassword, SealedCredential {

}
