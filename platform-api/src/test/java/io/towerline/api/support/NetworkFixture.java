package io.towerline.api.support;

import java.time.Duration;
import java.util.Map;

import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant's small network set up through GraphQL as a user would: a simulated router
 * registered with its credentials, and a plan. Also waits for operations to finish.
 *
 * @param graphQl the tester acting as the tenant's operator
 * @param simulator the simulated router
 * @param routerId its id in the platform
 * @param planId the plan's id
 */
public record NetworkFixture(HttpGraphQlTester graphQl, RouterOsSimulator simulator, String routerId, String planId) {

	public static NetworkFixture create(HttpGraphQlTester operator, String routerName) {
		RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.recordCommands(true)
			.start();
		return on(operator, simulator, routerName);
	}

	/**
	 * Registers {@code simulator} (a router with user {@code api}/{@code router-pass})
	 * under {@code routerName} and adds the plan.
	 */
	public static NetworkFixture on(HttpGraphQlTester operator, RouterOsSimulator simulator, String routerName) {
		String routerId = addRouter(operator, simulator, routerName);
		String planId = operator.documentName("createPlan")
			.variable("input",
					Map.of("name", "Home 20", "profileName", "home-20", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		return new NetworkFixture(operator, simulator, routerId, planId);
	}

	/**
	 * Registers {@code simulator} (a router with user {@code api}/{@code router-pass})
	 * under {@code routerName} and returns the router's id.
	 */
	public static String addRouter(HttpGraphQlTester operator, RouterOsSimulator simulator, String routerName) {
		return operator.documentName("createRouter")
			.variable("input",
					Map.of("name", routerName, "host", "127.0.0.1", "port", simulator.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
	}

	/** Creates a subscriber and returns its id and the operation's id. */
	public String[] createSubscriber(String username, String password) {
		var response = this.graphQl.documentName("createSubscriber")
			.variable("input",
					Map.of("username", username, "password", password, "planId", this.planId, "routerId", this.routerId,
							"fullName", "Test " + username))
			.execute();
		response.path("createSubscriber.errors").entityList(Object.class).hasSize(0);
		return new String[] { response.path("createSubscriber.subscriber.id").entity(String.class).get(),
				response.path("createSubscriber.operation.id").entity(String.class).get() };
	}

	/**
	 * Suspends the subscriber, checks it is SUSPENDED at once, and returns the operation
	 * that disables it on the router.
	 */
	public String suspend(String subscriberId) {
		return this.graphQl.documentName("subscriberAction")
			.operationName("suspend")
			.variable("id", subscriberId)
			.execute()
			.path("suspendSubscriber.subscriber.status")
			.entity(String.class)
			.isEqualTo("SUSPENDED")
			.path("suspendSubscriber.operation.id")
			.entity(String.class)
			.get();
	}

	/**
	 * Waits until the operation is SUCCEEDED (fails fast with its last error when it
	 * FAILED).
	 */
	public void awaitSucceeded(String operationId) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, Object> operation = this.graphQl.documentName("operation")
				.variable("id", operationId)
				.execute()
				.path("operation")
				.entity(Map.class)
				.get();
			assertThat(operation.get("status")).as("operation %s", operation).isEqualTo("SUCCEEDED");
		});
	}

	/**
	 * The same network with its router replaced by {@code simulator} (a router that came
	 * back).
	 */
	public NetworkFixture withSimulator(RouterOsSimulator simulator) {
		return new NetworkFixture(this.graphQl, simulator, this.routerId, this.planId);
	}

	public void close() {
		this.simulator.close();
	}

}
