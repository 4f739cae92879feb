package io.towerline.core.session;

import java.time.Clock;
import java.time.Duration;

import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.usage.UsageRecorder;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Session tracking replicas for tests of other features that need the platform's online
 * table to follow a simulator (the application's own tracking is off in tests). Re-reads
 * and samples wait an hour unless asked; leases are short.
 */
public final class TestSessionTrackers {

	private TestSessionTrackers() {
	}

	/** A replica named {@code id}; the caller starts and stops it. */
	public static SessionTracking replica(ApplicationContext context, String id) {
		SessionProperties properties = new SessionProperties(true, Duration.ofHours(1), Duration.ofHours(1),
				Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(200), id, null, null, null);
		return new SessionTracking(properties, context.getBean(StreamLeases.class),
				context.getBean(TenantCatalog.class), context.getBean(JdbcClient.class),
				context.getBean(SessionStore.class), context.getBean(UsageRecorder.class),
				context.getBean(Routers.class), context.getBean(RouterAccess.class),
				context.getBean(TransactionTemplate.class), context, context.getBean(SessionChangeFeed.class),
				context.getBean(Clock.class));
	}

}
