package io.towerline.api.operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
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
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live operations list's feed: every change of the tenant's operations is pushed
 * (created, running, succeeded) and a status filter holds; that another tenant's
 * operations never arrive is {@link OperationFeedIsolationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationFeedTests extends ApiTest {

	static final String FEED = """
			subscription($status: OperationStatus) { operationsChanged(status: $status) { id status kind } }""";

	@LocalServerPort
	int port;

	@Autowired
	OperationFeed feed;

	TenantId tenant;

	NetworkFixture network;

	@BeforeEach
	void network() {
		this.tenant = newTenant("feed");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "feed-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldPushEveryChangeOfTheTenantsOperations() {
		List<Map<String, Object>> all = new CopyOnWriteArrayList<>();
		List<Map<String, Object>> succeeded = new CopyOnWriteArrayList<>();
		int before = this.feed.listeners();
		Disposable allFeed = listen(this.tenant, null, all);
		Disposable succeededFeed = listen(this.tenant, "SUCCEEDED", succeeded);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.listeners() == before + 2);
		try {
			String operation = this.network.createSubscriber("fed", "secret-feed")[1];
			await().atMost(Duration.ofSeconds(60))
				.until(() -> all.contains(Map.of("id", operation, "status", "SUCCEEDED", "kind", "SYNC_SUBSCRIBER")));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> succeeded
					.contains(Map.of("id", operation, "status", "SUCCEEDED", "kind", "SYNC_SUBSCRIBER")));
			assertThat(succeeded).allSatisfy((change) -> assertThat(change).containsEntry("status", "SUCCEEDED"));
			// each state pushed once, in order
			List<Object> statuses = all.stream()
				.filter((change) -> operation.equals(change.get("id")))
				.map((change) -> change.get("status"))
				.toList();
			assertThat(statuses).doesNotHaveDuplicates().last().isEqualTo("SUCCEEDED");
		}
		finally {
			allFeed.dispose();
			succeededFeed.dispose();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.listeners() == before);
	}

	private Disposable listen(TenantId tenant, String status, List<Map<String, Object>> into) {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Disposable subscription = socket(TestTokens.forTenant(tenant.slug(), "VIEWER")).document(FEED)
			.variable("status", status)
			.executeSubscription()
			.toFlux("operationsChanged", Map.class)
			.subscribe((change) -> into.add((Map<String, Object>) change));
		return subscription;
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
