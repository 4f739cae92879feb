package io.towerline.api.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import graphql.schema.GraphQLFieldDefinition;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text and numbers a hostile client sends are refused with a code or taken as they are —
 * never an INTERNAL_ERROR, never a stack trace in the log. The cases are generated from
 * the schema: every {@code String} and {@code Int} every mutation (and every
 * {@code String} every query) can take is given NUL bytes, control characters, oversized
 * text, right-to-left overrides, emoji and combining marks, and negative or huge numbers;
 * the IDs around it name the tenant's real router, plan and subscriber so the value
 * reaches the service rather than a NOT_FOUND.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests extends ApiTest {

	static final List<String> HOSTILE_TEXT = List.of("nul\u0000byte", "bell\u0007esc\u001b[31m", "x".repeat(100_000),
			"\u202Eevil\u202C.exe", "\uD83D\uDE00\u05D0\u05D1", "e\u0301\u0301\u0301", "", "   ", "line\r\nbreak",
			"=cmd|' /C calc'!A0");

	static final List<String> HOSTILE_INT = List.of("-1", "-2147483648", "2147483647", "0");

	/**
	 * Negative, the largest and smallest doubles, one past them (refused by the parser).
	 */
	static final List<String> HOSTILE_FLOAT = List.of("-1", "-1.7976931348623157E308", "1.7976931348623157E308",
			"4.9E-324", "1E400", "0");

	/** Instants out of any range, impossible days, offsets that do not exist, no date. */
	static final List<String> HOSTILE_DATE_TIME = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
			"0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-27T00:00:00+25:00", "not a time", "");

	@Autowired
	GraphQlSource graphQlSource;

	NetworkFixture network;

	HttpGraphQlTester admin;

	String subscriberId;

	@BeforeEach
	void network() {
		String tenant = newTenant("hostile").slug();
		this.admin = as(TestTokens.forTenant(tenant, "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "hostile-1");
		String[] created = this.network.createSubscriber("hostile-sub", "hostile-pass");
		this.network.awaitSucceeded(created[1]);
		this.subscriberId = created[0];
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRefuseOrKeepHostileTextInEveryMutationWithoutAnInternalError(CapturedOutput output) {
		int cases = everyMutation(this.admin, "String", HOSTILE_TEXT.stream().map(SchemaDocuments::quote).toList());
		assertThat(cases).as("text inputs tried").isGreaterThan(300);
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseOrKeepHostileNumbersInEveryMutationWithoutAnInternalError(CapturedOutput output) {
		int cases = everyMutation(this.admin, "Int", HOSTILE_INT);
		assertThat(cases).as("number inputs tried").isGreaterThan(40);
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseOrKeepHostileTextInPlatformMutationsWithoutAnInternalError(CapturedOutput output) {
		int cases = everyMutation(as(TestTokens.platformAdmin()), "String",
				HOSTILE_TEXT.stream().map(SchemaDocuments::quote).toList());
		assertThat(cases).as("text inputs tried").isGreaterThan(300);
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseOrKeepHostileTextInEveryQueryWithoutAnInternalError(CapturedOutput output) {
		int cases = every("query", this.graphQlSource.schema().getQueryType().getFieldDefinitions(), this.admin,
				"String", HOSTILE_TEXT.stream().map(SchemaDocuments::quote).toList());
		assertThat(cases).as("text arguments tried").isGreaterThan(100);
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseOrKeepHostileFloatsAndInstantsInEveryMutationAndQueryWithoutAnInternalError(
			CapturedOutput output) {
		List<String> instants = HOSTILE_DATE_TIME.stream().map(SchemaDocuments::quote).toList();
		int cases = everyMutation(this.admin, "Float", HOSTILE_FLOAT) + everyMutation(this.admin, "DateTime", instants)
				+ every("query", this.graphQlSource.schema().getQueryType().getFieldDefinitions(), this.admin,
						"DateTime", instants)
				+ every("query", this.graphQlSource.schema().getQueryType().getFieldDefinitions(), this.admin, "Int",
						HOSTILE_INT);
		assertThat(cases).as("float, instant and query number inputs tried").isGreaterThan(60);
		assertNoStackTrace(output);
	}

	private int everyMutation(HttpGraphQlTester client, String scalar, List<String> values) {
		return every("mutation", this.graphQlSource.schema().getMutationType().getFieldDefinitions(), client, scalar,
				values);
	}

	private int every(String operation, List<GraphQLFieldDefinition> fields, HttpGraphQlTester client, String scalar,
			List<String> values) {
		List<String> failures = new ArrayList<>();
		int cases = 0;
		for (GraphQLFieldDefinition field : fields) {
			Function<String, String> ids = (name) -> idFor(field.getName(), name);
			for (List<String> path : SchemaDocuments.scalarPaths(field, scalar)) {
				for (String value : values) {
					String document = operation + " { " + field.getName()
							+ SchemaDocuments.arguments(field, path, value, ids)
							+ SchemaDocuments.body(field.getType(), 1) + " }";
					GraphQlResponse response = client.document(document).execute().returnResponse();
					String failure = internalError(response);
					if (failure != null) {
						failures.add(field.getName() + "." + String.join(".", path) + " = " + abbreviate(value) + ": "
								+ failure);
					}
					cases++;
				}
			}
		}
		assertThat(failures).as(operation + " fields answering hostile input with an internal error").isEmpty();
		return cases;
	}

	/**
	 * The tenant's real object for an ID input: by its name, or an {@code id} by the
	 * object the field is named after ({@code updatePlan.id} is the plan), so updates
	 * reach their validation.
	 */
	private String idFor(String field, String name) {
		String object = name.equals("id") ? field.replaceAll("^[a-z]+", "") : name;
		return SchemaDocuments.quote(switch (object) {
			case "routerId", "Router" -> this.network.routerId();
			case "planId", "Plan" -> this.network.planId();
			case "subscriberId", "Subscriber", "SubscriberPassword" -> this.subscriberId;
			default -> UUID.randomUUID().toString();
		});
	}

	private static String internalError(GraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			Object code = error.getExtensions().get("code");
			// hostile text is never a race: an answer saying so misleads the caller
			if (code == null || "INTERNAL_ERROR".equals(code) || error.getMessage().contains("changed meanwhile")) {
				return error.getMessage() + " " + error.getExtensions();
			}
		}
		return null;
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
	}

	static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("\tat "))).as("stack trace lines logged")
			.isEmpty();
		assertThat(output.getAll()).doesNotContain("Unexpected failure");
	}

}
