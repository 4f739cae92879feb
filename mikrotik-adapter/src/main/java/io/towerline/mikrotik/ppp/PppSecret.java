package io.towerline.mikrotik.ppp;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A {@code /ppp/secret} entry: one subscriber's PPP login. {@link #toString()} hides the
 * password.
 *
 * @param id the router's {@code .id}, e.g. {@code *1A}; changes when the secret is
 * recreated
 * @param name the PPPoE username
 * @param password the PPP password, as stored on the router
 * @param service which PPP service may use it
 * @param profile the {@code /ppp/profile} name (the plan)
 * @param callerId the MAC (PPPoE) the login is bound to, or empty
 * @param localAddress overrides the profile's local address, or null
 * @param remoteAddress a fixed IP or pool for the subscriber, or null
 * @param disabled whether logins are refused
 * @param comment free text, possibly multi-line, or null
 * @param lastLoggedOut when the last session ended, or null if never (router-local time)
 * @param lastCallerId the caller id of the last session, or empty
 * @param lastDisconnectReason why the last session ended, or empty
 */
public record PppSecret(String id, String name, String password, PppService service, String profile, String callerId,
		@Nullable String localAddress, @Nullable String remoteAddress, boolean disabled, @Nullable String comment,
		@Nullable LocalDateTime lastLoggedOut, String lastCallerId, String lastDisconnectReason) {

	@Override
	public String toString() {
		return "PppSecret[id=" + this.id + ", name=" + this.name + ", password=***, service=" + this.service
				+ ", profile=" + this.profile + ", disabled=" + this.disabled + "]";
	}

}
