package io.towerline.api.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded demo as the README's run command starts it (the tests' config turns it off
 * everywhere else): a labelled tenant whose simulated routers are marked, subscribers
 * provisioned onto them by the platform, some online with traffic moving, and a restart
 * that adds nothing but points the routers at the new simulators.
 */
@SpringBootTest(properties = { "towerline.demo.enabled=true", "towerline.demo.subscribers-per-router=12",
		"towerline.demo.online-share=0.5" })
class DemoNetworkTests extends ApiTest {

	private static final String ROUTERS = """
			{ routers(first: 10) { edges { node { id name port simulated pop { name } throughput { sessions } } } } }""";

	@Autowired
	DemoNetwork demo;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	UserDirectory users;

	@Test
	@SuppressWarnings("unchecked")
	void shouldStartALabelledDemoTenantWithLivingSimulatedRoutersAndRestartIdempotently() throws Exception {
		List<UUID> routerIds = this.demo.ready().get(120, TimeUnit.SECONDS);
		assertThat(routerIds).hasSize(2);
		assertThat(this.catalog.get(TenantId.of("demo-isp")).displayName()).containsIgnoringCase("demo")
			.containsIgnoringCase("simulated");
		HttpGraphQlTester viewer = as(TestTokens.forTenant("demo-isp", "VIEWER"));
		List<Map<String, Object>> routers = routers(viewer);
		assertThat(routers).hasSize(2).allSatisfy((router) -> {
			assertThat(router).containsEntry("simulated", true);
			assertThat((Map<String, Object>) router.get("pop")).containsEntry("name", "Demo Hilltop");
		});
		List<RouterOsSimulator> simulators = this.demo.simulators().simulators();
		// the platform provisions its subscribers onto the simulators; some dial in and
		// their traffic moves
		await().atMost(Duration.ofSeconds(120))
			.until(() -> simulators.stream().allMatch((simulator) -> simulator.secretCount() == 12)
					&& simulators.stream().allMatch((simulator) -> simulator.onlineCount() > 0));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> simulators.stream()
				.flatMap((simulator) -> simulator.onlineSubscribers()
					.stream()
					.map((name) -> simulator.totalTraffic(name).txBytes()))
				.anyMatch((bytes) -> bytes > 0));
		assertThat(subscriberCount(viewer)).isEqualTo(24);
		// a tenant admin to sign in to the web app with, created once
		UserAccount admin = this.users.findByUsername("demo-admin").orElseThrow();
		assertThat(admin.tenant()).contains(TenantId.of("demo-isp"));
		assertThat(admin.roles()).containsExactly("TENANT_ADMIN");

		// a restart: new simulators on new ports, the same tenant, routers and
		// subscribers
		this.demo.destroy();
		this.demo.start();
		assertThat(this.demo.ready().get(120, TimeUnit.SECONDS)).containsExactlyElementsOf(routerIds);
		List<RouterOsSimulator> restarted = this.demo.simulators().simulators();
		assertThat(routers(viewer)).extracting((router) -> router.get("port"))
			.containsExactlyInAnyOrderElementsOf(restarted.stream().map(RouterOsSimulator::port).toList());
		assertThat(subscriberCount(viewer)).isEqualTo(24);
		await().atMost(Duration.ofSeconds(120))
			.until(() -> restarted.stream().allMatch((simulator) -> simulator.secretCount() == 12));
		assertThat(this.users.findByUsername("demo-admin")).get().extracting(UserAccount::id).isEqualTo(admin.id());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> routers(HttpGraphQlTester viewer) {
		return viewer.document(ROUTERS)
			.execute()
			.path("routers.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((router) -> (Map<String, Object>) router)
			.toList();
	}

	private static int subscriberCount(HttpGraphQlTester viewer) {
		return viewer.document("{ subscribers(first: 100) { edges { node { id } } } }")
			.execute()
			.path("subscribers.edges")
			.entityList(Object.class)
			.get()
			.size();
	}

}
