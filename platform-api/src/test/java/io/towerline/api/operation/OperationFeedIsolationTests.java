package io.towerline.api.operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code operationsChanged} across tenants: tenant B's feed, open while tenant A's
 * operation runs to the end, receives B's own operation and nothing of A's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationFeedIsolationTests extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	OperationFeed feed;

	NetworkFixture network;

	@BeforeEach
	void network() {
		TenantId tenant = newTenant("feed-a");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(tenant.slug(), "OPERATOR")), "feed-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldNeverPushAnotherTenantsOperations() {
		TenantId other = newTenant("feed-b");
		NetworkFixture otherNetwork = NetworkFixture.create(as(TestTokens.forTenant(other.slug(), "OPERATOR")),
				"feed-2");
		List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
		int before = this.feed.listeners();
		Disposable otherFeed = listen(other, seen);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.listeners() == before + 1);
			this.network.awaitSucceeded(this.network.createSubscriber("not-yours", "secret-feed")[1]);
			// the other tenant's own operation, changed after ours: once it arrives, ours
			// would have too
			String own = otherNetwork.createSubscriber("yours", "secret-feed")[1];
			await().atMost(Duration.ofSeconds(60))
				.until(() -> seen.contains(Map.of("id", own, "status", "SUCCEEDED", "kind", "SYNC_SUBSCRIBER")));
			assertThat(seen).allSatisfy((change) -> assertThat(change).containsEntry("id", own));
		}
		finally {
			otherFeed.dispose();
			otherNetwork.close();
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Disposable listen(TenantId tenant, List<Map<String, Object>> into) {
		return GraphQlSockets.as(this.port, TestTokens.forTenant(tenant.slug(), "VIEWER"))
			.document(OperationFeedTests.FEED)
			.executeSubscription()
			.toFlux("operationsChanged", Map.class)
			.subscribe((change) -> into.add((Map<String, Object>) change));
	}

}
