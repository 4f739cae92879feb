package io.towerline.core.tenancy;

/**
 * Marks a Spring Data repository whose tables live in the tenant's schema. Every call on
 * such a repository fails with {@link MissingTenantException} unless a tenant is bound
 * and the current session belongs to that tenant.
 */
public interface TenantScoped {

}
