package io.towerline.core.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Takes a tenant's connections from the pool of the cluster its schema lives on (ADR
 * 0173); connections without a tenant (the platform's tables, the scheduler, sweeps) come
 * from the main pool. During a move's window the tenant's connections refuse writes
 * ({@code default_transaction_read_only}), whatever path writes: a request, a worker, a
 * sweep. Sits under {@link TenantRoleDataSource}, so the role follows on whichever
 * cluster.
 */
class ClusterRoutingDataSource extends DelegatingDataSource {

	private final ObjectProvider<TenantClusters> clusters;

	ClusterRoutingDataSource(DataSource main, ObjectProvider<TenantClusters> clusters) {
		super(main);
		this.clusters = clusters;
	}

	DataSource main() {
		return obtainTargetDataSource();
	}

	@Override
	public Connection getConnection() throws SQLException {
		TenantId tenant = TenantContext.get();
		if (tenant == null) {
			return super.getConnection();
		}
		TenantClusters known = this.clusters.getObject();
		TenantPlacement placement = known.placementOf(tenant);
		Connection connection = known.routedPool(placement.cluster()).getConnection();
		return placement.moving() ? readOnly(connection) : connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		// per-user connections are not pooled per cluster; nothing in Towerline asks
		// for them
		return super.getConnection(username, password);
	}

	private static Connection readOnly(Connection connection) throws SQLException {
		execute(connection, "SET SESSION default_transaction_read_only = on");
		return (Connection) Proxy.newProxyInstance(ClusterRoutingDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && !connection.isClosed()) {
						// back to the pool writable: the next borrower may be another
						// tenant
						if (!connection.getAutoCommit()) {
							connection.rollback();
						}
						execute(connection, "RESET default_transaction_read_only");
					}
					if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
						return proxy;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
