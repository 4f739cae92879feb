package io.towerline.api.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import graphql.schema.GraphQLFieldDefinition;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriptions' arguments get what {@link HostileInputTests} gives the queries and
 * mutations, over graphql-ws as a browser sends them: every {@code String}, {@code Int}
 * and {@code Float} of every subscription field. A stream is either refused with a coded
 * error or runs; never INTERNAL_ERROR, an error without a code, or a stack trace in the
 * log. A stream that runs is cancelled after its first event (or a few quiet seconds).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileSubscriptionInputTests extends ApiTest {

	/** The text cases that reach the most code: NUL, control, oversized, RTL, CRLF. */
	private static final List<String> TEXT = List.of(HostileInputTests.HOSTILE_TEXT.get(0),
			HostileInputTests.HOSTILE_TEXT.get(1), HostileInputTests.HOSTILE_TEXT.get(2),
			HostileInputTests.HOSTILE_TEXT.get(3), HostileInputTests.HOSTILE_TEXT.get(8));

	@LocalServerPort
	int port;

	@Autowired
	GraphQlSource graphQlSource;

	NetworkFixture network;

	String token;

	String subscriberId;

	@BeforeEach
	void network() {
		String tenant = newTenant("hostile-ws").slug();
		this.token = TestTokens.forTenant(tenant, "TENANT_ADMIN");
		this.network = NetworkFixture.create(as(this.token), "hostile-ws-1");
		String[] created = this.network.createSubscriber("hostile-ws-sub", "hostile-pass");
		this.network.awaitSucceeded(created[1]);
		this.subscriberId = created[0];
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRefuseOrRunEverySubscriptionOnHostileArgumentsWithoutAnInternalError(CapturedOutput output) {
		WebSocketGraphQlTester socket = GraphQlSockets.as(this.port, this.token);
		List<String> failures = new ArrayList<>();
		int cases = 0;
		for (GraphQLFieldDefinition field : this.graphQlSource.schema().getSubscriptionType().getFieldDefinitions()) {
			Function<String, String> ids = (name) -> SchemaDocuments.quote(switch (name) {
				case "routerId" -> this.network.routerId();
				case "subscriberId" -> this.subscriberId;
				default -> UUID.randomUUID().toString();
			});
			for (String scalar : List.of("String", "Int", "Float")) {
				List<String> values = switch (scalar) {
					case "String" -> TEXT.stream().map(SchemaDocuments::quote).toList();
					case "Int" -> HostileInputTests.HOSTILE_INT;
					default -> HostileInputTests.HOSTILE_FLOAT;
				};
				for (List<String> path : SchemaDocuments.scalarPaths(field, scalar)) {
					for (String value : values) {
						String document = "subscription { " + field.getName()
								+ SchemaDocuments.arguments(field, path, value, ids)
								+ SchemaDocuments.body(field.getType(), 1) + " }";
						String failure = firstAnswer(socket, document);
						if (failure != null) {
							failures.add(field.getName() + "." + String.join(".", path) + " = "
									+ value.substring(0, Math.min(40, value.length())) + ": " + failure);
						}
						cases++;
					}
				}
			}
		}
		assertThat(failures).as("subscriptions answering hostile input with an internal error").isEmpty();
		assertThat(cases).as("subscription inputs tried").isGreaterThan(10);
		HostileInputTests.assertNoStackTrace(output);
	}

	/** Why the first answer is wrong, or null when it is a coded refusal or an event. */
	private static String firstAnswer(WebSocketGraphQlTester socket, String document) {
		try {
			socket.document(document).executeSubscription().toFlux().take(1).blockLast(Duration.ofSeconds(5));
			return null;
		}
		catch (IllegalStateException quiet) {
			// ran without an event in the time given: a stream, not a failure
			return null;
		}
		catch (RuntimeException refused) {
			String message = String.valueOf(refused.getMessage());
			return (message.contains("INTERNAL_ERROR") || !message.contains("code")) ? message : null;
		}
	}

}
