package io.towerline.core.testsupport;

import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantPlacement;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh tenant with one router on a simulator of its own: what the alert, backup and
 * drift tests start from. The simulator can be taken down (its port held so that nothing
 * else answers there) and brought up again on the same port, fresh.
 */
public final class TenantRouterFixture implements AutoCloseable {

	/** The router's API user and password on every simulator of the fixture. */
	public static final String USER = "api";

	public static final String PASSWORD = "router-pass";

	private final TransactionTemplate transactions;

	private final IntFunction<RouterOsSimulator> simulators;

	private final TenantId tenant;

	private final UUID routerId;

	private final int port;

	private RouterOsSimulator simulator;

	private @Nullable ReservedPort down;

	private TenantRouterFixture(ApplicationContext context, String tenantPrefix, String routerName,
			IntFunction<RouterOsSimulator> simulators) {
		this.transactions = context.getBean(TransactionTemplate.class);
		this.simulators = simulators;
		this.simulator = simulators.apply(0);
		this.port = this.simulator.port();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug(tenantPrefix));
		// on main whatever clusters the context knows: the placement rule would put it
		// on an emptier one (ADR 0184), where a move test could not take it
		context.getBean(TenantOnboarding.class)
			.onboard(this.tenant.slug(), tenantPrefix, RateLimitTier.STARTER, TenantPlacement.MAIN);
		Routers routers = context.getBean(Routers.class);
		this.routerId = inTenant(() -> routers
			.create(RouterDetails.of(routerName, "127.0.0.1", this.port, false, null, null, USER), PASSWORD)
			.id());
	}

	/**
	 * A tenant named after {@code tenantPrefix} with router {@code routerName} on a
	 * simulator built by {@code simulators} for a port (0: any free one).
	 */
	public static TenantRouterFixture start(ApplicationContext context, String tenantPrefix, String routerName,
			IntFunction<RouterOsSimulator> simulators) {
		return new TenantRouterFixture(context, tenantPrefix, routerName, simulators);
	}

	/** A RouterOS 7.19 simulator with the fixture's user and {@code secrets} secrets. */
	public static IntFunction<RouterOsSimulator> v7(int secrets) {
		return (port) -> RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user(USER, PASSWORD)
			.secrets(secrets)
			.port(port)
			.start();
	}

	public TenantId tenant() {
		return this.tenant;
	}

	public UUID routerId() {
		return this.routerId;
	}

	public int port() {
		return this.port;
	}

	/** The simulator running now (a new one after {@link #bringUp()}). */
	public RouterOsSimulator simulator() {
		return this.simulator;
	}

	/** The router goes away; nothing else may answer on its port meanwhile. */
	public void takeDown() {
		this.simulator.close();
		this.down = ReservedPort.hold(this.port);
	}

	/**
	 * The router starts again on its port (a fresh simulator: nothing on it survives).
	 */
	public void bringUp() {
		ReservedPort held = this.down;
		if (held != null) {
			held.close();
			this.down = null;
		}
		this.simulator = this.simulators.apply(this.port);
	}

	/** Runs {@code work} as the fixture's tenant in a transaction. */
	public <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

	@Override
	public void close() {
		this.simulator.close();
		ReservedPort held = this.down;
		if (held != null) {
			held.close();
		}
	}

}
