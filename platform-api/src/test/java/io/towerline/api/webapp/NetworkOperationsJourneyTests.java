package io.towerline.api.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.towerline.api.support.TestTokens;
import io.towerline.core.alert.AlertSweeper;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The network operations journey, {@code web-client/e2e/netops.mjs}: lifecycle policy,
 * notice text and a webhook with a test delivery; an overload on the simulator arrives as
 * a toast and is acknowledged with a note; the router's history; two backups around a
 * change made at the router's console, and their diff. The script asks this test (by
 * request files) for what only it can do, then this test checks what reached the
 * platform: the acknowledged alert, the notice in the embedded mail server, the signed
 * test delivery at the receiver.
 */
class NetworkOperationsJourneyTests extends JourneyTest {

	private static final String ROUTER = "netops-edge";

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

	private static final String RULE = "CPU overload (journey)";

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	RouterHealthCheck healthCheck;

	@Autowired
	LifecycleEvaluation lifecycle;

	private RouterOsSimulator router;

	private HttpServer receiver;

	private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService hooks = Executors.newSingleThreadScheduledExecutor();

	private final Map<String, Throwable> hookFailures = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		this.router = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.identity(ROUTER)
			.secrets(3)
			.start();
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.receiver.createContext("/hooks", this::receive);
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.hooks.shutdownNow();
		this.receiver.stop(0);
		this.router.close();
	}

	@Test
	void shouldRunTheNetworkOperationsJourney() throws Exception {
		TenantId tenant = newTenant("netops");
		// a loaded machine (2 cores, many builds) can take more than the default 5 s
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();
		String routerId = admin.documentName("createRouter")
			.variable("input",
					Map.of("name", ROUTER, "host", "127.0.0.1", "port", this.router.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		String planId = admin.documentName("createPlan")
			.variable("input",
					Map.of("name", "Home 20", "profileName", "home-20", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		// the subscriber whose notice the journey expects is created only when the
		// journey
		// asks for the notice: created earlier, the scheduled lifecycle sweep could send
		// its
		// notice before the browser has changed the notice text
		LocalDate expiresOn = LocalDate.now(ZoneOffset.UTC).plusDays(3);
		Runnable createNoticeSubscriber = () -> admin.documentName("createSubscriber")
			.variable("input",
					Map.of("username", "notice-me", "password", "secret-notice-me", "planId", planId, "routerId",
							routerId, "fullName", "Nora Notice", "email", "nora@example.net", "expiresOn",
							expiresOn.toString()))
			.execute()
			.path("createSubscriber.errors")
			.entityList(Object.class)
			.hasSize(0);
		admin.document("""
				mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { errors { field code } } }""")
			.variable("input",
					Map.of("type", "CPU_HIGH", "name", RULE, "severity", "CRITICAL", "threshold", 80, "forSeconds", 0,
							"clearSeconds", 0, "routerId", routerId))
			.execute()
			.path("createAlertRule.errors")
			.entityList(Object.class)
			.hasSize(0);

		Path out = Path.of("target", "e2e", "netops").toAbsolutePath();
		answerHooks(out, Map.of("overload", () -> {
			this.router.cpuLoad(97);
			TenantContext.callAs(tenant, () -> this.healthCheck.check(UUID.fromString(routerId)));
			this.sweeper.sweep(tenant, Instant.now());
		}, "change", () -> this.router.identity(ROUTER + "-renamed"), "notice", () -> {
			createNoticeSubscriber.run();
			TenantContext.runAs(tenant, () -> this.lifecycle.evaluateDue(Instant.now()));
		}));

		Credentials user = newUser(tenant, "e2e-netops", "TENANT_ADMIN");
		Map<?, ?> results = runJourney("netops.mjs",
				Map.of("USER", user.username(), "PASS", user.password(), "ROUTER_NAME", ROUTER, "ALERT_RULE", RULE,
						"WEBHOOK_URL", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks"));
		assertThat(this.hookFailures).isEmpty();

		// the alert the browser acknowledged, with its note, as the API keeps it
		Map<String, Object> alert = admin.document(
				"""
						{ alerts(state: [ACKNOWLEDGED], first: 10) { edges { node { ruleName acknowledgementNote acknowledgedBy } } } }""")
			.execute()
			.path("alerts.edges[0].node")
			.entity(MAP)
			.get();
		assertThat(alert).containsEntry("ruleName", RULE).containsEntry("acknowledgementNote", "On it: the journey");
		assertThat((String) alert.get("acknowledgedBy")).contains(user.username());

		// the notice, with the subject the browser set, caught by the embedded mail
		// server
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(admin.document("{ caughtMail(limit: 100) { nodes { to subject } } }")
				.execute()
				.path("caughtMail.nodes")
				.entityList(Map.class)
				.get())
				.contains(Map.of("to", "nora@example.net", "subject",
						"[netops] Your subscription ends on " + expiresOn)));

		// the test delivery the browser sent, signed with the secret the browser was
		// shown once
		String secret = (String) results.get("webhookSecret");
		assertThat(this.received).filteredOn((delivery) -> "webhook.tested".equals(delivery.get("event")))
			.singleElement()
			.satisfies((delivery) -> assertThat(sign(secret, delivery.get("timestamp"), delivery.get("body")))
				.isEqualTo(delivery.get("signature")));

		// the diff showed the console change, and only as the identity line
		assertThat((List<?>) results.get("diffAdded")).singleElement()
			.asString()
			.contains("set name=" + ROUTER + "-renamed");
	}

	/**
	 * Answers the script's {@code request-<name>} files: runs the action, then writes
	 * {@code done-<name>}; a failing action is kept and fails the test.
	 */
	private void answerHooks(Path out, Map<String, Runnable> actions) throws IOException {
		Files.createDirectories(out);
		for (String name : actions.keySet()) {
			Files.deleteIfExists(out.resolve("request-" + name));
			Files.deleteIfExists(out.resolve("done-" + name));
		}
		this.hooks.scheduleWithFixedDelay(() -> actions.forEach((name, action) -> {
			try {
				if (Files.exists(out.resolve("request-" + name)) && !Files.exists(out.resolve("done-" + name))) {
					try {
						action.run();
					}
					catch (RuntimeException | AssertionError ex) {
						this.hookFailures.put(name, ex);
					}
					Files.writeString(out.resolve("done-" + name), "");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}), 0, 100, TimeUnit.MILLISECONDS);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.received.add(Map.of("event", exchange.getRequestHeaders().getFirst("Towerline-Event"), "timestamp",
					exchange.getRequestHeaders().getFirst("Towerline-Timestamp"), "signature",
					exchange.getRequestHeaders().getFirst("Towerline-Signature"), "body",
					new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/**
	 * As the schema documents it: {@code v1=} and the hex HMAC-SHA256 of timestamp, '.',
	 * body.
	 */
	private static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "v1="
					+ HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
