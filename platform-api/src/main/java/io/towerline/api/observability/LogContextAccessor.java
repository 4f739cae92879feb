package io.towerline.api.observability;

import java.util.HashMap;
import java.util.Map;

import io.towerline.core.tenancy.TenantContextAccessor;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries the request's logging context (request id and tenant realm) to the threads that
 * serve it, such as the executor running GraphQL controllers, so their log lines are
 * tagged too. Registered through {@code META-INF/services}.
 */
public final class LogContextAccessor implements ThreadLocalAccessor<Map<String, String>> {

	private static final String[] KEYS = { RequestIdFilter.KEY, TenantContextAccessor.KEY };

	@Override
	public Object key() {
		return "towerline.log-context";
	}

	@Override
	public @Nullable Map<String, String> getValue() {
		Map<String, String> values = new HashMap<>();
		for (String key : KEYS) {
			String value = MDC.get(key);
			if (value != null) {
				values.put(key, value);
			}
		}
		return values.isEmpty() ? null : values;
	}

	@Override
	public void setValue(Map<String, String> value) {
		value.forEach(MDC::put);
	}

	@Override
	public void setValue() {
		for (String key : KEYS) {
			MDC.remove(key);
		}
	}

}
