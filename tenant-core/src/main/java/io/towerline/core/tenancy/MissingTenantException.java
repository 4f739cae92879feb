package io.towerline.core.tenancy;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;

/**
 * Tenant-scoped data was touched with no tenant bound. A programming error; never a
 * fall-back to public.
 */
public class MissingTenantException extends DomainException {

	public MissingTenantException() {
		super(ErrorCode.TENANT_REQUIRED, "This operation needs a tenant, and none is bound to the current request");
	}

}
