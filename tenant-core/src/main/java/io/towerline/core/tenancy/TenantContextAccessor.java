package io.towerline.core.tenancy;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Lets context propagation (Reactor, Spring for GraphQL data fetchers, decorated
 * executors) carry the tenant to other threads, and keeps the logging context's
 * {@code tenant} key in step with it. Registered through {@code META-INF/services}.
 */
public final class TenantContextAccessor implements ThreadLocalAccessor<TenantId> {

	/**
	 * Key under which the tenant travels in propagated contexts and appears in log lines.
	 */
	public static final String KEY = "tenant";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable TenantId getValue() {
		return TenantContext.get();
	}

	@Override
	public void setValue(TenantId value) {
		TenantContext.set(value);
		MDC.put(KEY, value.slug());
	}

	@Override
	public void setValue() {
		TenantContext.clear();
		MDC.remove(KEY);
	}

}
