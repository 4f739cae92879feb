package io.towerline.api.bench;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what requests to {@code /graphql} send to PostgreSQL: connections taken from the
 * pool, statements by their text, commits and rollbacks, schema switches. Only calls made
 * on the thread serving a request count (controllers run on it, see
 * {@code InlineControllerExecution}), so the trackers' work beside does not. The count is
 * taken under the tenant role switch ({@code TenantRoleDataSource}), so its
 * {@code SET ROLE} and {@code RESET ROLE} count too; the pool's own liveness checks do
 * not. Every statement, commit and schema switch is one round trip with PgJDBC.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestStatements {

	/** Calls that cost a round trip with PgJDBC, besides executing a statement. */
	private static final Set<String> ROUND_TRIPS = Set.of("commit", "rollback", "setSchema", "getSchema", "isValid",
			"getTransactionIsolation", "setTransactionIsolation");

	private static final ThreadLocal<Boolean> IN_REQUEST = ThreadLocal.withInitial(() -> false);

	private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

	private static final LongAdder REQUESTS = new LongAdder();

	@Bean
	static BeanPostProcessor requestStatementsDataSource() {
		return new CountingPostProcessor();
	}

	@Bean
	FilterRegistrationBean<Filter> requestStatementsScope() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestScope());
		registration.addUrlPatterns("/graphql");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** What was counted so far, by what. */
	static Snapshot snapshot() {
		Map<String, Long> counts = new TreeMap<>();
		COUNTS.forEach((key, count) -> counts.put(key, count.sum()));
		return new Snapshot(REQUESTS.sum(), counts);
	}

	/** What requests counted between two snapshots. */
	record Snapshot(long requests, Map<String, Long> counts) {

		/**
		 * One line per kind, per request, between {@code before} and this; and the round
		 * trips and connections per request.
		 */
		String perRequestSince(Snapshot before) {
			long requests = this.requests - before.requests;
			if (requests == 0) {
				return "no requests counted\n";
			}
			StringBuilder lines = new StringBuilder();
			double roundTrips = 0;
			double connections = 0;
			for (Map.Entry<String, Long> entry : this.counts.entrySet()) {
				double each = (double) (entry.getValue() - before.counts.getOrDefault(entry.getKey(), 0L)) / requests;
				if (each == 0) {
					continue;
				}
				String kind = entry.getKey();
				if (kind.equals("getConnection")) {
					connections += each;
				}
				else if (kind.startsWith("SQL ") || ROUND_TRIPS.contains(kind)) {
					roundTrips += each;
				}
				lines.append(String.format(Locale.ROOT, "    %6.2f  %s%n", each, kind));
			}
			return String.format(Locale.ROOT,
					"%d requests: %.2f round trips to PostgreSQL and %.2f connections taken per request:%n%s", requests,
					roundTrips, connections, lines);
		}

	}

	private static void count(String kind) {
		if (IN_REQUEST.get()) {
			COUNTS.computeIfAbsent(kind, (key) -> new LongAdder()).increment();
		}
	}

	private static String sqlKind(String sql) {
		// tenant schemas differ per tenant: one line per statement shape
		String shape = sql.strip().replaceAll("\\s+", " ").replaceAll("t_[a-z0-9_]+", "t_*");
		return "SQL " + ((shape.length() > 110) ? shape.substring(0, 110) + "…" : shape);
	}

	/** Marks the thread serving a GraphQL request while it does. */
	private static final class RequestScope implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			REQUESTS.increment();
			IN_REQUEST.set(true);
			try {
				chain.doFilter(request, response);
			}
			finally {
				IN_REQUEST.set(false);
			}
		}

	}

	/** Wraps the pool before anything else does (the role switch wraps this). */
	private static final class CountingPostProcessor implements BeanPostProcessor, PriorityOrdered {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource))
					? new CountingDataSource(dataSource) : bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	private static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			count("getConnection");
			return counted(super.getConnection(), Connection.class, null);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			count("getConnection");
			return counted(super.getConnection(username, password), Connection.class, null);
		}

	}

	private static <T> T counted(T target, Class<T> type, String sql) {
		return type.cast(Proxy.newProxyInstance(RequestStatements.class.getClassLoader(), new Class<?>[] { type },
				new Counting(target, sql)));
	}

	/** Counts the round-trip calls of a connection or statement it stands for. */
	private record Counting(Object target, String sql) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
				return proxy;
			}
			if (ROUND_TRIPS.contains(name)) {
				count(name);
			}
			else if (name.startsWith("execute")) {
				count(sqlKind((args != null && args.length > 0 && args[0] instanceof String text) ? text
						: String.valueOf(this.sql)));
			}
			Object result;
			try {
				result = method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
			return switch (name) {
				case "createStatement" -> counted((Statement) result, Statement.class, null);
				case "prepareStatement" ->
					counted((PreparedStatement) result, PreparedStatement.class, (String) args[0]);
				case "prepareCall" -> counted((CallableStatement) result, CallableStatement.class, (String) args[0]);
				default -> result;
			};
		}

	}

}
