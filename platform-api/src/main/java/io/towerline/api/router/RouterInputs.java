package io.towerline.api.router;

import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.RouterStatus;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of router operations. */
final class RouterInputs {

	private RouterInputs() {
	}

	record CreateRouterInput(String name, String host, @Nullable Integer port, @Nullable Boolean apiSsl,
			@Nullable String certificateFingerprint, @Nullable UUID popId, String username, String password,
			@Nullable Boolean verifyConnection) {

		boolean verify() {
			return !Boolean.FALSE.equals(this.verifyConnection);
		}

		RouterDetails details() {
			return RouterDetails.of(this.name, this.host, this.port, this.apiSsl, this.certificateFingerprint,
					this.popId, this.username);
		}

		@Override
		public String toString() {
			return "CreateRouterInput[name=" + this.name + ", host=" + this.host + ", password=(hidden)]";
		}

	}

	record UpdateRouterInput(UUID id, String name, String host, @Nullable Integer port, @Nullable Boolean apiSsl,
			@Nullable String certificateFingerprint, @Nullable UUID popId, String username, @Nullable String password,
			@Nullable Boolean verifyConnection) {

		boolean verify() {
			return !Boolean.FALSE.equals(this.verifyConnection);
		}

		RouterDetails details() {
			return RouterDetails.of(this.name, this.host, this.port, this.apiSsl, this.certificateFingerprint,
					this.popId, this.username);
		}

		@Override
		public String toString() {
			return "UpdateRouterInput[id=" + this.id + ", name=" + this.name + ", password=(hidden)]";
		}

	}

	record RouterIdInput(UUID id) {

	}

	record RouterPayload(@Nullable Router router, List<FieldError> errors) {

	}

	record DeleteRouterPayload(@Nullable UUID deletedId, List<FieldError> errors) {

	}

	record TestRouterConnectionPayload(boolean reachable, Router router, @Nullable String identity,
			@Nullable String routerOsVersion, @Nullable String board, @Nullable Long uptimeSeconds,
			@Nullable RouterConnectionError error) {

		static TestRouterConnectionPayload of(Router router) {
			var health = router.health();
			if (health.status() == RouterStatus.ONLINE) {
				return new TestRouterConnectionPayload(true, router, health.identity(), health.routerOsVersion(),
						health.board(), health.uptimeSeconds(), null);
			}
			String detail = (health.detail() != null) ? health.detail() : health.status().name();
			return new TestRouterConnectionPayload(false, router, null, null, null, null,
					new RouterConnectionError(health.status(), detail));
		}

	}

	record RouterConnectionError(RouterStatus status, String message) {

	}

}
