package io.towerline.core.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Runs a tenant's connections as the tenant's role. Hibernate binds a session to its
 * tenant by {@link Connection#setSchema} when it obtains the connection and sets the root
 * schema back before releasing it ({@link TenantSchemas}); this data source follows each
 * such switch with {@code SET ROLE} to the schema's owner, or {@code RESET ROLE} for
 * {@code public}. A connection goes back to the pool with its role reset, whoever closes
 * it, and is reset again when it is taken: {@code SET} and {@code RESET ROLE} are undone
 * when their transaction rolls back, so a reset made inside a transaction that failed
 * would otherwise leave the last tenant's role on the pooled connection for the next
 * caller (another tenant, refused its own tables).
 */
class TenantRoleDataSource extends DelegatingDataSource {

	public TenantRoleDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bound(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bound(super.getConnection(username, password));
	}

	private static Connection bound(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET ROLE");
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(TenantRoleDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new RoleSwitch(connection));
	}

	/** Follows schema switches with role switches on one connection. */
	private static final class RoleSwitch implements InvocationHandler {

		private final Connection target;

		private boolean roleSet;

		private boolean handedBack;

		RoleSwitch(Connection target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "setSchema" -> {
					if (this.handedBack) {
						// Hibernate sets the root schema back before it releases a
						// connection, even one it closed already because binding it to
						// its tenant failed (SET ROLE to a role that does not exist):
						// the pool reset it when it took it back, nothing is left to
						// switch, and the closed connection's refusal would be logged
						// with a stack trace on top of the failure that matters
						return null;
					}
					invokeTarget(method, args);
					switchRole((String) args[0]);
					return null;
				}
				case "close" -> {
					if (this.roleSet && !this.target.isClosed()) {
						execute("RESET ROLE");
						this.roleSet = false;
					}
					this.handedBack = true;
					return invokeTarget(method, args);
				}
				case "unwrap" -> {
					return ((Class<?>) args[0]).isInstance(proxy) ? proxy : this.target.unwrap((Class<?>) args[0]);
				}
				case "isWrapperFor" -> {
					return ((Class<?>) args[0]).isInstance(proxy) || this.target.isWrapperFor((Class<?>) args[0]);
				}
				case "equals" -> {
					return proxy == args[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				default -> {
					return invokeTarget(method, args);
				}
			}
		}

		private void switchRole(String schema) throws SQLException {
			String role = TenantRoles.roleOf(schema);
			if (role != null) {
				execute("SET ROLE \"" + role + "\"");
				this.roleSet = true;
			}
			else if (this.roleSet) {
				execute("RESET ROLE");
				this.roleSet = false;
			}
		}

		private void execute(String sql) throws SQLException {
			try (Statement statement = this.target.createStatement()) {
				statement.execute(sql);
			}
		}

		private Object invokeTarget(Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
