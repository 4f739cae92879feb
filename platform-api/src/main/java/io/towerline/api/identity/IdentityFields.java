package io.towerline.api.identity;

import io.towerline.core.audit.SecurityEvent;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Fields of identity types whose values need mapping. Who may see the objects is decided
 * by the operation that returns them, so these carry no role check of their own.
 */
@Controller
class IdentityFields {

	@SchemaMapping(typeName = "User", field = "tenant")
	@Nullable String tenant(UserAccount user) {
		return user.tenant().map(TenantId::slug).orElse(null);
	}

	@SchemaMapping(typeName = "SecurityEvent", field = "tenant")
	@Nullable String tenant(SecurityEvent event) {
		return event.tenant().map(TenantId::slug).orElse(null);
	}

}
