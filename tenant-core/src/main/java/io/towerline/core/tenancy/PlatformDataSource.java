package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections for the platform's own tables ({@code public} on the main cluster) while
 * the thread serves a tenant: a tenant's connections come from its cluster (ADR 0173),
 * where no platform table exists. For platform stores used on a tenant's request path
 * outside its transaction (rate-limit buckets, for example).
 */
public final class PlatformDataSource extends DelegatingDataSource {

	private PlatformDataSource(DataSource target) {
		super(target);
	}

	/** {@code dataSource}, taking its connections as if no tenant were bound. */
	public static DataSource of(DataSource dataSource) {
		return (dataSource instanceof PlatformDataSource) ? dataSource : new PlatformDataSource(dataSource);
	}

	@Override
	public Connection getConnection() throws SQLException {
		TenantId bound = TenantContext.get();
		if (bound == null) {
			return super.getConnection();
		}
		TenantContext.clear();
		try {
			return super.getConnection();
		}
		finally {
			TenantContext.set(bound);
		}
	}

}
