package io.towerline.core.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

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
 * <p>
 * Each switch is one round trip (ADR 0197): the reset on checkout also reads the schema
 * Hibernate asks for next ({@link Connection#getSchema}, a query of its own in PgJDBC),
 * which is then answered from what this connection last set; a schema switch and its role
 * switch go in one statement. A tenant's unit of work used to cost six round trips
 * besides its own statements, now three.
 * <p>
 * What this connection last set is only the server's state while nothing undid it (ADR
 * 0214): a switch made inside a transaction that rolls back, or one that failed half-way,
 * leaves the schema to be read from the server again and a role to be reset, never a
 * remembered answer. The checkout resets the search path as well as the role, so a unit
 * of work that sets no schema (plain JDBC, the scheduler) starts in the default schema as
 * the login user whatever the last borrower left.
 * <p>
 * The checkout's reset is sent with the first thing the borrower sends (ADR 0251): once a
 * physical connection has been reset and its default schema read, later checkouts answer
 * {@link Connection#getSchema} with that schema and send nothing until the borrower
 * switches schema or uses the connection otherwise. A switch outside a transaction sets
 * both the search path and the role (or resets it), which is the reset and the switch in
 * one committed statement; any other use of the connection (a statement, a transaction's
 * end, metadata, an unwrapped connection) is preceded by the reset as before, committed
 * when the connection is in a transaction. Nothing reaches the server as the last
 * borrower's role or search path, and a tenant's unit of work costs two round trips
 * besides its own statements and commit.
 */
class TenantRoleDataSource extends DelegatingDataSource {

	/**
	 * The schema {@code RESET search_path} leaves, per physical connection, as read by
	 * its first checkout: the session's default, which no later borrower can change (a
	 * {@code SET} is undone by the next reset).
	 */
	private static final Map<Object, DefaultSchema> defaultSchemas = Collections.synchronizedMap(new WeakHashMap<>());

	/**
	 * Calls that neither reach the server nor hand the server connection out, so a
	 * pending reset can wait past them.
	 */
	private static final Set<String> LOCAL_CALLS = Set.of("getSchema", "setSchema", "getAutoCommit", "setAutoCommit",
			"isClosed", "close", "isWrapperFor", "equals", "hashCode", "toString");

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
		RoleSwitch roleSwitch;
		try {
			Object physical = physicalOf(connection);
			DefaultSchema known = defaultSchemas.get(physical);
			if (known != null) {
				roleSwitch = new RoleSwitch(connection, known.name(), true);
			}
			else {
				String schema = resetReadingDefaultSchema(connection);
				defaultSchemas.put(physical, new DefaultSchema(schema));
				roleSwitch = new RoleSwitch(connection, schema, false);
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(TenantRoleDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, roleSwitch);
	}

	/**
	 * The driver's connection under the pool's and any other wrapper: a wrapper that
	 * answers {@code unwrap(Connection.class)} with itself (a new one per checkout) would
	 * make every checkout a first one.
	 */
	private static Object physicalOf(Connection connection) throws SQLException {
		return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class)
				: connection.unwrap(Connection.class);
	}

	/**
	 * Back to the login user and the session's default search path, committed when the
	 * connection is in a transaction: the caller's rollback would otherwise undo the
	 * reset and give it the last borrower's role.
	 */
	private static void reset(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET ROLE; RESET search_path");
			commitIfInTransaction(connection);
		}
	}

	/**
	 * {@link #reset} in the same round trip as reading the default schema it leaves.
	 * @return the session's default schema
	 */
	private static @Nullable String resetReadingDefaultSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET ROLE; RESET search_path; SELECT current_schema()");
			String schema = firstRow(statement);
			commitIfInTransaction(connection);
			return schema;
		}
	}

	private static void commitIfInTransaction(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/** A physical connection's schema after {@code RESET search_path}. */
	private record DefaultSchema(@Nullable String name) {
	}

	/** The first column of the first row of the statement's first result set. */
	private static @Nullable String firstRow(Statement statement) throws SQLException {
		while (!statement.getMoreResults() && statement.getUpdateCount() != -1) {
			// past the resets' update counts to the query's rows
		}
		try (ResultSet rows = statement.getResultSet()) {
			return (rows != null && rows.next()) ? rows.getString(1) : null;
		}
	}

	/** Follows schema switches with role switches on one connection. */
	private static final class RoleSwitch implements InvocationHandler {

		private final Connection target;

		/** Whether the connection may run as a tenant's role (then it is reset). */
		private boolean roleSet;

		/**
		 * Whether a switch ran inside the open transaction: rolling it back undoes the
		 * switch on the server, so what this connection remembers of it no longer holds.
		 */
		private boolean switchedInTransaction;

		/**
		 * The connection's schema as this connection last read or set it; every switch
		 * goes through {@link #switchSchema}.
		 */
		private @Nullable String schema;

		/**
		 * Whether {@link #schema} is known: not after a switch to the default path, nor
		 * after a failed switch or a rollback that undid one.
		 */
		private boolean schemaKnown = true;

		private boolean handedBack;

		/**
		 * Whether the checkout's reset has not been sent yet: the server still has what
		 * the last borrower left, which nothing may run in.
		 */
		private boolean resetPending;

		RoleSwitch(Connection target, @Nullable String schema, boolean resetPending) {
			this.target = target;
			this.schema = schema;
			this.resetPending = resetPending;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (this.resetPending && !LOCAL_CALLS.contains(method.getName())
					&& !(method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy))) {
				sendPendingReset();
			}
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
					switchSchema((String) args[0]);
					return null;
				}
				case "getSchema" -> {
					return this.schemaKnown ? this.schema : invokeTarget(method, args);
				}
				case "close" -> {
					// a reset still pending: nothing ran, the connection is as the last
					// hand-back left it
					if (this.roleSet && !this.target.isClosed()) {
						resetRoleOutsideTransaction();
					}
					this.handedBack = true;
					return invokeTarget(method, args);
				}
				case "commit" -> {
					return ending(method, args, true);
				}
				case "rollback" -> {
					// to a savepoint: a switch made before it still stands, and may
					// still be rolled back with the rest
					return ending(method, args, args == null || args.length == 0);
				}
				case "setAutoCommit" -> {
					// switching it on commits an open transaction
					return ending(method, args, (Boolean) args[0] && !this.target.getAutoCommit());
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

		/**
		 * Sets the schema and follows with the role, in one statement: the schema's
		 * owner, or none for a schema no tenant owns ({@code public}).
		 */
		private void switchSchema(@Nullable String schema) throws SQLException {
			if (this.resetPending) {
				if (!this.target.getAutoCommit()) {
					// a rollback would undo a reset sent with the switch
					sendPendingReset();
				}
				else {
					// the switch sets the search path and the role, or resets it: the
					// reset and the switch in one statement, committed at once
					this.roleSet = true;
				}
			}
			StringBuilder sql = new StringBuilder("SET SESSION search_path TO ")
				.append((schema != null) ? "'" + schema.replace("'", "''") + "'" : "DEFAULT");
			String role = (schema != null) ? TenantRoles.roleOf(schema) : null;
			if (role != null) {
				sql.append("; SET ROLE \"").append(role).append('"');
			}
			else if (this.roleSet) {
				sql.append("; RESET ROLE");
			}
			if (!this.target.getAutoCommit()) {
				this.switchedInTransaction = true;
			}
			try {
				execute(sql.toString());
			}
			catch (SQLException ex) {
				if (!this.resetPending) {
					// the search path may have changed while the role did not (inside
					// a transaction, until it rolls back)
					forget();
				}
				// else the reset sent with the switch failed with it, in one implicit
				// transaction: still pending, the default schema still the answer
				throw ex;
			}
			this.schema = schema;
			// after DEFAULT the schema is the server's to say: read when asked
			this.schemaKnown = schema != null;
			this.roleSet = role != null;
			this.resetPending = false;
		}

		/** The checkout's reset, before anything else reaches the server. */
		private void sendPendingReset() throws SQLException {
			reset(this.target);
			this.resetPending = false;
			this.roleSet = false;
			this.switchedInTransaction = false;
		}

		/**
		 * Ends (or, for a savepoint, partly undoes) the transaction. A rollback undoes a
		 * switch made in it, a failed commit may have; afterwards the schema is the
		 * server's to say and a role is reset rather than assumed gone.
		 */
		private @Nullable Object ending(Method method, Object[] args, boolean ends) throws Throwable {
			boolean undoes = method.getName().equals("rollback");
			try {
				Object result = invokeTarget(method, args);
				if (undoes && this.switchedInTransaction) {
					forget();
				}
				if (ends) {
					this.switchedInTransaction = false;
				}
				return result;
			}
			catch (Throwable ex) {
				if (this.switchedInTransaction) {
					forget();
				}
				throw ex;
			}
		}

		/** What this connection set is no longer known to be the server's state. */
		private void forget() {
			this.schemaKnown = false;
			this.roleSet = true;
		}

		/**
		 * Back to the login user for the pool. Inside a transaction the reset would be
		 * undone by the rollback the pool makes of what its borrower left open.
		 */
		private void resetRoleOutsideTransaction() throws SQLException {
			if (this.target.getAutoCommit()) {
				execute("RESET ROLE");
			}
			else {
				this.target.rollback();
				execute("RESET ROLE");
				this.target.commit();
			}
			this.roleSet = false;
			this.switchedInTransaction = false;
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
