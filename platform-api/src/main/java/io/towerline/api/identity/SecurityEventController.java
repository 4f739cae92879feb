package io.towerline.api.identity;

import java.util.List;

import io.towerline.api.graphql.Pages;
import io.towerline.api.security.Role;
import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.core.audit.SecurityEvent;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The security event log for admins (platform admins: all of it; tenant admins: their own
 * tenant's), and the signing key rotation.
 */
@Controller
class SecurityEventController {

	private final SecurityEventLog audit;

	private final ObjectProvider<SigningKeys> keys;

	private final TenantCatalog catalog;

	SecurityEventController(SecurityEventLog audit, ObjectProvider<SigningKeys> keys, TenantCatalog catalog) {
		this.catalog = catalog;
		this.audit = audit;
		this.keys = keys;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'TENANT_ADMIN')")
	Window<SecurityEvent> securityEvents(@Argument @Nullable String tenant, @Argument @Nullable SecurityEventType type,
			ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		boolean platformAdmin = TowerlineAuthentication.current().roles().contains(Role.PLATFORM_ADMIN);
		TenantId scope = platformAdmin ? ((tenant != null) ? TenantId.of(tenant) : null) : TenantContext.require();
		if (platformAdmin && scope != null) {
			// an unknown tenant is an error, not an empty log
			this.catalog.get(scope);
		}
		return this.audit.list(scope, type, page.position(), page.size());
	}

	@MutationMapping
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	RotateSigningKeyPayload rotateSigningKey(@Argument RotateSigningKeyInput input) {
		SigningKeys signingKeys = this.keys.getIfAvailable();
		if (signingKeys == null) {
			return new RotateSigningKeyPayload(null,
					List.of(new FieldError(null, ErrorCode.INVALID_STATE, "The embedded authorization server is off")));
		}
		String kid = signingKeys.rotate();
		this.audit.record(SecurityEventType.SIGNING_KEY_ROTATED, null, UserAdminController.actor(), kid,
				input.reason());
		return new RotateSigningKeyPayload(kid, List.of());
	}

	record RotateSigningKeyInput(@Nullable String reason) {

	}

	record RotateSigningKeyPayload(@Nullable String keyId, List<FieldError> errors) {

	}

}
