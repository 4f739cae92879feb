package io.towerline.api.router;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.mikrotik.simulator.NotARouter;
import io.towerline.mikrotik.simulator.NotARouter.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant names any host and port for a router; what it reads back must not tell a
 * closed port from a silent one, a web server, or something that closes at once (ADR
 * 0212), in any place it can read: the createRouter error, the connection test and the
 * router's recorded health. And connection checks are counted per tenant.
 */
class RouterProbeSecrecyTests extends ApiTest {

	private static final String CHECK = """
			mutation($id: ID!) { testRouterConnection(input: {id: $id}) {
			  reachable error { status message } router { health { status detail } } } }""";

	private final List<NotARouter> listeners = new ArrayList<>();

	@AfterEach
	void stop() {
		this.listeners.forEach(NotARouter::close);
	}

	@Test
	void shouldAnswerCreateRouterAlikeWhateverListensThere() {
		HttpGraphQlTester admin = admin("probe-create");
		List<String> answers = new ArrayList<>();
		for (Behaviour behaviour : Behaviour.values()) {
			int port = listen(behaviour);
			Map<?, ?> error = admin.documentName("createRouter")
				.variable("input", input("r-" + behaviour, port, true))
				.execute()
				.path("createRouter.errors[0]")
				.entity(Map.class)
				.get();
			answers.add(stripped(error.toString(), port));
		}
		assertThat(answers).containsOnly(answers.get(0));
		assertThat(answers.get(0)).contains("ROUTER_UNREACHABLE").contains("field=host");
	}

	@Test
	void shouldAnswerConnectionTestsAndHealthAlikeWhateverListensThere() {
		HttpGraphQlTester admin = admin("probe-test");
		List<String> answers = new ArrayList<>();
		// a silent listener costs three login timeouts (30 s); createRouter's case above
		// has it, and both answers come from the one uniform connect failure
		for (Behaviour behaviour : EnumSet.complementOf(EnumSet.of(Behaviour.SILENT))) {
			int port = listen(behaviour);
			String id = admin.documentName("createRouter")
				.variable("input", input("u-" + behaviour, port, false))
				.execute()
				.path("createRouter.router.id")
				.entity(String.class)
				.get();
			Map<?, ?> test = admin.document(CHECK)
				.variable("id", id)
				.execute()
				.path("testRouterConnection")
				.entity(Map.class)
				.get();
			answers.add(stripped(test.toString(), port));
		}
		assertThat(answers).containsOnly(answers.get(0));
		assertThat(answers.get(0)).contains("reachable=false").contains("UNREACHABLE");
	}

	@Test
	void shouldCountConnectionChecksPerTenant() {
		HttpGraphQlTester admin = admin("probe-count");
		int closed = listen(Behaviour.CLOSED_PORT);
		String id = admin.documentName("createRouter")
			.variable("input", input("counted", closed, false))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		// the default allowance: 30 at once (towerline.router-checks.burst); the tests'
		// refill-every is an hour
		for (int i = 0; i < 30; i++) {
			admin.documentName("createRouter")
				.variable("input", input("try-" + i, closed, true))
				.execute()
				.path("createRouter.errors[0].code")
				.entity(String.class)
				.isEqualTo("ROUTER_UNREACHABLE");
		}
		admin.documentName("createRouter")
			.variable("input", input("one-more", closed, true))
			.execute()
			.path("createRouter.errors[0].code")
			.entity(String.class)
			.isEqualTo("ROUTER_CHECKS_EXHAUSTED")
			.path("createRouter.errors[0].field")
			.entity(String.class)
			.isEqualTo("host");
		admin.document(CHECK)
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies(
						(error) -> assertThat(error.getExtensions()).containsEntry("code", "ROUTER_CHECKS_EXHAUSTED")));
		// an update that checks the connection counts too, one that does not goes through
		Map<String, Object> update = new HashMap<>(input("counted", closed, false));
		update.remove("verifyConnection");
		update.put("id", id);
		update.put("password", "another");
		admin.document("mutation($input: UpdateRouterInput!) { updateRouter(input: $input) { errors { code } } }")
			.variable("input", update)
			.execute()
			.path("updateRouter.errors[0].code")
			.entity(String.class)
			.isEqualTo("ROUTER_CHECKS_EXHAUSTED");
		update.put("verifyConnection", false);
		admin.document("mutation($input: UpdateRouterInput!) { updateRouter(input: $input) { errors { code } } }")
			.variable("input", update)
			.execute()
			.path("updateRouter.errors")
			.entityList(Object.class)
			.hasSize(0);
		// another tenant's allowance is its own
		admin("probe-other").documentName("createRouter")
			.variable("input", input("elsewhere", closed, true))
			.execute()
			.path("createRouter.errors[0].code")
			.entity(String.class)
			.isEqualTo("ROUTER_UNREACHABLE");
	}

	private HttpGraphQlTester admin(String prefix) {
		return as(TestTokens.forTenant(newTenant(prefix).slug(), "TENANT_ADMIN"));
	}

	private int listen(Behaviour behaviour) {
		NotARouter listener = NotARouter.start(behaviour);
		this.listeners.add(listener);
		return listener.port();
	}

	private static Map<String, Object> input(String name, int port, boolean verify) {
		return Map.of("name", name, "host", "127.0.0.1", "port", port, "username", "api", "password", "router-pass",
				"verifyConnection", verify);
	}

	/** The answer without what differs by the tenant's own choice: the port and name. */
	private static String stripped(String answer, int port) {
		return answer.replace(String.valueOf(port), "<port>").replaceAll("[ru]-[A-Z_]+", "<name>");
	}

}
