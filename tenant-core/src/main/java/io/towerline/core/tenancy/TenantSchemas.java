package io.towerline.core.tenancy;

import java.util.Map;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.context.spi.TenantSchemaMapper;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells Hibernate which schema a session works in: the bound tenant's own schema, or
 * {@code public} for the platform's shared tables when no tenant is bound. Sessions
 * opened without a tenant can therefore only reach shared tables (tenant tables exist
 * only in tenant schemas), and tenant repositories refuse to run in them at all (see
 * {@link TenantScopedRepositoryGuard}).
 */
@Component
class TenantSchemas
		implements CurrentTenantIdentifierResolver<String>, TenantSchemaMapper<String>, HibernatePropertiesCustomizer {

	/**
	 * Session tenant identifier meaning "the platform, no tenant"; not a valid slug, so
	 * it cannot collide.
	 */
	static final String PLATFORM = "public";

	@Override
	public String resolveCurrentTenantIdentifier() {
		TenantId tenant = TenantContext.get();
		return (tenant != null) ? tenant.slug() : PLATFORM;
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return true;
	}

	@Override
	public boolean isRoot(String tenantIdentifier) {
		return PLATFORM.equals(tenantIdentifier);
	}

	@Override
	public String schemaName(String tenantIdentifier) {
		return PLATFORM.equals(tenantIdentifier) ? PLATFORM : TenantId.of(tenantIdentifier).schemaName();
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
		hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_SCHEMA_MAPPER, this);
	}

}
