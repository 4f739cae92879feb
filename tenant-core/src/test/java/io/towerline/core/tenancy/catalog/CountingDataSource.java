package io.towerline.core.tenancy.catalog;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what a benchmark's work asks of the database, in numbers that do not depend on
 * the machine's load: connections taken, the most held at once, and statements executed.
 */
final class CountingDataSource extends DelegatingDataSource {

	private final AtomicLong connections = new AtomicLong();

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicLong statements = new AtomicLong();

	CountingDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		this.connections.incrementAndGet();
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("close") && !connection.isClosed()) {
						this.open.decrementAndGet();
					}
					Object result = invoke(connection, method, args);
					return (result instanceof Statement statement) ? counting(statement) : result;
				});
	}

	private Object counting(Statement statement) {
		Class<?> type = (statement instanceof CallableStatement) ? CallableStatement.class
				: (statement instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			if (method.getName().startsWith("execute")) {
				this.statements.incrementAndGet();
			}
			return invoke(statement, method, args);
		});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	long connections() {
		return this.connections.get();
	}

	int peak() {
		return this.peak.get();
	}

	long statements() {
		return this.statements.get();
	}

}
