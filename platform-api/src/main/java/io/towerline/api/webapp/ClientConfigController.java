package io.towerline.api.webapp;

import io.towerline.api.identity.IdentityProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /config.json}: where the app signs in. A null issuer means the embedded
 * authorization server at the app's own origin (its endpoints are then same-origin, so no
 * CORS is needed).
 */
@RestController
class ClientConfigController {

	private final ClientConfig config;

	ClientConfigController(WebClientProperties web, ObjectProvider<IdentityProperties> identity) {
		IdentityProperties embedded = identity.getIfAvailable();
		String clientId = (web.clientId() != null) ? web.clientId()
				: (embedded != null) ? embedded.webClient().clientId() : "towerline-web";
		this.config = new ClientConfig(web.issuer(), clientId, web.scope());
	}

	@GetMapping("/config.json")
	ResponseEntity<ClientConfig> config() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(this.config);
	}

	/**
	 * The app's sign-in settings.
	 *
	 * @param issuer the external issuer, or null for the embedded one
	 * @param clientId the public client id
	 * @param scope the scopes to ask for
	 */
	record ClientConfig(@Nullable String issuer, String clientId, String scope) {
	}

}
