package io.towerline.core.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The one holder of the current tenant. It is set at the edge (from a verified token) or
 * by a worker that carries the tenant in its job data, and always cleared by whoever set
 * it: use {@link #callAs} or {@link #runAs}, or a try/finally around
 * {@link #set}/{@link #clear}.
 */
public final class TenantContext {

	private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<TenantId> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * The current tenant, or {@link MissingTenantException} when none is bound: tenant
	 * access fails closed.
	 */
	public static TenantId require() {
		TenantId tenant = CURRENT.get();
		if (tenant == null) {
			throw new MissingTenantException();
		}
		return tenant;
	}

	static @Nullable TenantId get() {
		return CURRENT.get();
	}

	public static void set(TenantId tenant) {
		CURRENT.set(tenant);
	}

	public static void clear() {
		CURRENT.remove();
	}

	public static <T> T callAs(TenantId tenant, Supplier<T> work) {
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static void runAs(TenantId tenant, Runnable work) {
		callAs(tenant, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs {@code work} with no tenant bound, then binds the current one again: for
	 * platform reads (the catalog) made while serving a tenant, whose connections would
	 * otherwise come from the tenant's cluster (ADR 0173). Does not leave a transaction
	 * already under way, which keeps its connection.
	 */
	public static <T> T callWithoutTenant(Supplier<T> work) {
		TenantId previous = CURRENT.get();
		CURRENT.remove();
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	/**
	 * Wraps {@code task} so that it runs with the tenant that is current now, on whatever
	 * thread runs it.
	 */
	public static Runnable propagating(Runnable task) {
		TenantId captured = CURRENT.get();
		return () -> {
			TenantId previous = CURRENT.get();
			if (captured == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(captured);
			}
			try {
				task.run();
			}
			finally {
				restore(previous);
			}
		};
	}

	private static void restore(@Nullable TenantId previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
