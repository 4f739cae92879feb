package io.towerline.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.traffic.LiveTraffic;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.awaitility.Awaitility.await;

/**
 * Issue 9's live traffic measurement: latency from the platform receiving a
 * {@code monitor-traffic} sample from the router to a graphql-ws client receiving it, and
 * heap per watcher, with many watchers per subscriber (one router stream each) over one
 * socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "towerline.rate-limit.tiers.standard.capacity=1000000000000",
				"towerline.rate-limit.tiers.standard.restore-per-second=1000000000",
				"towerline.rate-limit.max-subscriptions=100000" })
class TrafficBenchmark extends ApiTest {

	private static final String WATCH = "subscription($id: ID!) { subscriberTraffic(subscriberId: $id) "
			+ "{ ... on TrafficSample { at txBitsPerSecond } ... on TrafficInterruption { code } } }";

	private static final int SUBSCRIBERS = 50;

	private static final int WATCHERS = Integer.getInteger("bench.watchers", 1000);

	@LocalServerPort
	int port;

	@Autowired
	LiveTraffic live;

	@Test
	void measure() throws Exception {
		TenantId tenant = newTenant("bench-traffic");
		String operator = TestTokens.forTenant(tenant.slug(), "OPERATOR");
		NetworkFixture network = NetworkFixture.create(as(operator), "bench-traffic");
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < SUBSCRIBERS; i++) {
			rows.add(Map.of("username", "t-" + i, "password", "secret-" + i, "planId", network.planId(), "routerId",
					network.routerId()));
		}
		var created = as(operator).documentName("bulkCreateSubscribers")
			.variable("input", Map.of("subscribers", rows))
			.execute();
		network.awaitSucceeded(created.path("bulkCreateSubscribers.operations[0].id").entity(String.class).get());
		List<String> ids = as(operator).document("{ subscribers(first: 100) { edges { node { id } } } }")
			.execute()
			.path("subscribers.edges[*].node.id")
			.entityList(String.class)
			.get();
		for (int i = 0; i < SUBSCRIBERS; i++) {
			network.simulator().connectSubscriber("t-" + i);
		}
		WebSocketGraphQlClient client = client(TestTokens.forTenant(tenant.slug(), "VIEWER"));
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		// warm-up: every subscriber watched once, for 10 s
		Watchers warm = watch(client, ids, SUBSCRIBERS);
		await().atMost(Duration.ofSeconds(60)).until(() -> warm.withSample() == SUBSCRIBERS);
		waitFor(Duration.ofSeconds(10));
		warm.close();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.live.streams() == 0);

		long before = settledHeap(memory);
		Watchers watchers = watch(client, ids, WATCHERS);
		await().atMost(Duration.ofSeconds(120)).until(() -> watchers.withSample() == WATCHERS);
		long after = settledHeap(memory);
		int streams = this.live.streams();
		int routerStreams = network.simulator().liveStreams("/interface/monitor-traffic");
		watchers.latencies.clear();
		waitFor(Duration.ofSeconds(30));
		List<Long> latencies = new ArrayList<>(watchers.latencies);
		watchers.close();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.live.streams() == 0);
		int routerStreamsAfter = network.simulator().liveStreams("/interface/monitor-traffic");
		network.close();

		Collections.sort(latencies);
		StringBuilder report = new StringBuilder("# subscriberTraffic benchmark\n\n");
		report.append(String.format("%d watchers over one graphql-ws socket, spread over %d online subscribers of one "
				+ "simulated router (monitor-traffic every 1 s)%n%n", WATCHERS, SUBSCRIBERS));
		report.append(String.format(
				"Platform streams: %d, monitor-traffic streams on the router: %d (after all left: " + "%d)%n%n",
				streams, routerStreams, routerStreamsAfter));
		report.append(String.format(
				"Latency platform received sample -> client received it, %d samples in 30 s: "
						+ "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
				latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.99),
				percentile(latencies, 1.0)));
		report.append(String.format(
				"Heap after GC: %.1f MiB before, %.1f MiB with the watchers: %.1f KiB per watcher "
						+ "(server and client subscription state, one shared socket)%n",
				before / 1048576.0, after / 1048576.0, (after - before) / 1024.0 / WATCHERS));
		Path out = Path.of("target", "benchmarks", "traffic.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	private Watchers watch(WebSocketGraphQlClient client, List<String> ids, int count) {
		Watchers watchers = new Watchers();
		for (int i = 0; i < count; i++) {
			AtomicInteger seen = new AtomicInteger();
			watchers.seen.add(seen);
			watchers.subscriptions.add(client.document(WATCH)
				.variable("id", ids.get(i % ids.size()))
				.executeSubscription()
				.subscribe((response) -> {
					String at = response.field("subscriberTraffic.at").getValue();
					if (at != null) {
						long nanos = Duration.between(Instant.parse(at), Instant.now()).toNanos();
						watchers.latencies.add(nanos);
						seen.incrementAndGet();
					}
				}));
		}
		return watchers;
	}

	private WebSocketGraphQlClient client(String token) {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://127.0.0.1:" + this.port + "/graphql-ws"), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	private static long settledHeap(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static void waitFor(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		await().atMost(duration.plusSeconds(5)).until(() -> System.nanoTime() >= until);
	}

	private static double percentile(List<Long> sorted, double share) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private static final class Watchers {

		final List<Disposable> subscriptions = new ArrayList<>();

		final List<AtomicInteger> seen = new ArrayList<>();

		final Queue<Long> latencies = new ConcurrentLinkedQueue<>();

		int withSample() {
			return (int) this.seen.stream().filter((count) -> count.get() > 0).count();
		}

		void close() {
			this.subscriptions.forEach(Disposable::dispose);
		}

	}

}
