package io.towerline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a client gets wrong is refused with a code, never an INTERNAL_ERROR and never a
 * stack trace in the log. The cases are generated from the schema: every ID an argument
 * can hold given garbage, every connection given bad page sizes and cursors; and the HTTP
 * body in every malformed shape.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientInputErrorTests extends ApiTest {

	private static final List<String> GARBAGE_IDS = List.of("not-a-uuid", "", "-1",
			"00000000-0000-0000-0000-00000000000G", "' OR 1=1 --");

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	MockMvcTester mvc;

	NetworkFixture network;

	String tenant;

	HttpGraphQlTester admin;

	@BeforeEach
	void network() {
		this.tenant = newTenant("garbage").slug();
		this.admin = as(TestTokens.forTenant(this.tenant, "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "garbage-1");
		this.network.awaitSucceeded(this.network.createSubscriber("garbage-sub", "garbage-pass")[1]);
		this.admin.document("mutation($input: CheckDriftInput!) { checkDrift(input: $input) { errors { code } } }")
			.variable("input", Map.of("routerId", this.network.routerId()))
			.execute();
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRefuseAGarbageIdInEveryArgumentWithACode(CapturedOutput output) {
		GraphQLSchema schema = this.graphQlSource.schema();
		int cases = 0;
		for (GraphQLFieldDefinition field : Stream
			.concat(schema.getQueryType().getFieldDefinitions().stream(),
					schema.getMutationType().getFieldDefinitions().stream())
			.toList()) {
			String operation = schema.getQueryType().getFieldDefinitions().contains(field) ? "query" : "mutation";
			for (List<String> path : SchemaDocuments.idPaths(field)) {
				for (String garbage : GARBAGE_IDS) {
					String document = operation + " { " + field.getName()
							+ SchemaDocuments.arguments(field, path, SchemaDocuments.quote(garbage))
							+ SchemaDocuments.body(field.getType(), 1) + " }";
					GraphQlResponse response = this.admin.document(document).execute().returnResponse();
					assertRefusedWithCode(document, response);
					cases++;
				}
			}
		}
		assertThat(cases).as("ID arguments tried").isGreaterThan(100);
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseBadPageSizesAndCursorsOnEveryConnectionWithACode(CapturedOutput output) {
		GraphQLSchema schema = this.graphQlSource.schema();
		String garbageKeyset = Base64.getUrlEncoder().encodeToString("K_[1,2]".getBytes(StandardCharsets.UTF_8));
		int connections = 0;
		for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
			if (field.getArgument("first") == null) {
				continue;
			}
			connections++;
			List<Map<String, String>> sizes = new ArrayList<>();
			sizes.add(Map.of("first", "-5"));
			sizes.add(Map.of("first", "0"));
			sizes.add(Map.of("first", "101"));
			sizes.add(Map.of("first", "2147483647"));
			if (field.getArgument("last") != null) {
				sizes.add(Map.of("last", "-5"));
				sizes.add(Map.of("last", "0"));
				sizes.add(Map.of("last", "101"));
			}
			for (Map<String, String> size : sizes) {
				expectCode(field, size, "PAGE_SIZE_INVALID");
			}
			for (String cursor : List.of("garbage", "", "K_", garbageKeyset, "%%%", "AAAA",
					Base64.getUrlEncoder().encodeToString(new byte[] { (byte) 0xff, 0, 1 }))) {
				expectCode(field, Map.of("first", "5", "after", SchemaDocuments.quote(cursor)), "INVALID_CURSOR");
				if (field.getArgument("before") != null) {
					expectCode(field, Map.of("last", "5", "before", SchemaDocuments.quote(cursor)), "INVALID_CURSOR");
				}
			}
		}
		assertThat(connections).as("connections tried").isGreaterThan(8);
		assertNoStackTrace(output);
	}

	@Test
	void shouldHandOutOpaqueCursorsThatWorkAgain() {
		GraphQLSchema schema = this.graphQlSource.schema();
		List<String> paged = new ArrayList<>();
		for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
			if (field.getArgument("first") == null || field.getName().equals("tenants")) {
				continue;
			}
			Map<String, String> page = new LinkedHashMap<>(requiredArguments(field));
			page.put("first", "1");
			String document = "{ " + field.getName() + SchemaDocuments.arguments(page)
					+ " { edges { cursor } pageInfo { endCursor startCursor } } }";
			GraphQlResponse response = this.admin.document(document).execute().returnResponse();
			assertThat(response.getErrors()).as(document).isEmpty();
			String cursor = response.field(field.getName() + ".pageInfo.endCursor").getValue();
			if (cursor == null) {
				continue;
			}
			paged.add(field.getName());
			String decoded = new String(Base64.getUrlDecoder().decode(cursor.replace('+', '-').replace('/', '_')),
					StandardCharsets.ISO_8859_1);
			assertThat(cursor + " " + decoded).as(field.getName() + " cursor")
				.doesNotContainIgnoringCase("java")
				.doesNotContain("io.towerline")
				.doesNotContain("@class")
				.doesNotContain("UUID");
			page.put("after", SchemaDocuments.quote(cursor));
			String next = "{ " + field.getName() + SchemaDocuments.arguments(page) + " { edges { cursor } } }";
			assertThat(this.admin.document(next).execute().returnResponse().getErrors()).as(next).isEmpty();
		}
		assertThat(paged).contains("subscribers", "routers", "plans", "operations", "commandLog", "driftReports");
	}

	@Test
	void shouldReportAnUnknownPlanInABulkPlanChangeAsAPayloadError(CapturedOutput output) {
		String subscriber = this.admin.document("{ subscribers(first: 1) { edges { node { id } } } }")
			.execute()
			.path("subscribers.edges[0].node.id")
			.entity(String.class)
			.get();
		var response = this.admin
			.document(
					"""
							mutation($input: BulkChangeSubscriberPlanInput!) {
							  bulkChangeSubscriberPlan(input: $input) { accepted rejected { row errors { field code } } errors { field code } }
							}""")
			.variable("input",
					Map.of("subscriberIds", List.of(subscriber, UUID.randomUUID().toString()), "planId",
							UUID.randomUUID().toString()))
			.execute();
		response.path("bulkChangeSubscriberPlan.accepted").entity(Integer.class).isEqualTo(0);
		response.path("bulkChangeSubscriberPlan.rejected[*].errors[0].code")
			.entityList(String.class)
			.containsExactly("NOT_FOUND", "NOT_FOUND");
		response.path("bulkChangeSubscriberPlan.rejected[0].errors[0].field").entity(String.class).isEqualTo("planId");
		assertNoStackTrace(output);
	}

	@Test
	void shouldReportUnknownReferencesInABulkCreationPerRow(CapturedOutput output) {
		var response = this.network.graphQl()
			.document(
					"""
							mutation($input: BulkCreateSubscribersInput!) {
							  bulkCreateSubscribers(input: $input) { accepted rejected { row errors { field code } } errors { code } }
							}""")
			.variable("input",
					Map.of("subscribers",
							List.of(Map.of("username", "ref-ok", "password", "ref-pass", "planId",
									this.network.planId(), "routerId", this.network.routerId()),
									Map.of("username", "ref-plan", "password", "ref-pass", "planId",
											UUID.randomUUID().toString(), "routerId", this.network.routerId()),
									Map.of("username", "ref-pop", "password", "ref-pass", "planId",
											this.network.planId(), "popId", UUID.randomUUID().toString()),
									Map.of("username", "ref-router", "password", "ref-pass", "planId",
											this.network.planId(), "routerId", UUID.randomUUID().toString()))))
			.execute();
		response.path("bulkCreateSubscribers.accepted").entity(Integer.class).isEqualTo(1);
		response.path("bulkCreateSubscribers.rejected[*].row").entityList(Integer.class).containsExactly(1, 2, 3);
		response.path("bulkCreateSubscribers.rejected[*].errors[0].field")
			.entityList(String.class)
			.containsExactly("planId", "popId", "routerId");
		response.path("bulkCreateSubscribers.rejected[*].errors[0].code")
			.entityList(String.class)
			.containsExactly("NOT_FOUND", "VALIDATION_FAILED", "NOT_FOUND");
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseToDeleteARouterThatServesSubscribers(CapturedOutput output) {
		var response = this.admin.document(
				"mutation($input: DeleteRouterInput!) { deleteRouter(input: $input) { deletedId errors { field code } } }")
			.variable("input", Map.of("id", this.network.routerId()))
			.execute();
		response.path("deleteRouter.deletedId").valueIsNull();
		response.path("deleteRouter.errors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		response.path("deleteRouter.errors[0].field").entity(String.class).isEqualTo("id");
		this.admin.document("{ router(id: \"" + this.network.routerId() + "\") { id } }")
			.execute()
			.path("router.id")
			.entity(String.class)
			.isEqualTo(this.network.routerId());
		assertNoStackTrace(output);
	}

	@Test
	void shouldRefuseMalformedHttpBodiesWithACodedJsonError(CapturedOutput output) {
		String token = "Bearer " + TestTokens.forTenant(this.tenant, "TENANT_ADMIN");
		Map<String, MediaType> bodies = new LinkedHashMap<>();
		for (String body : List.of("null", "", "{", "[]", "\"x\"", "42", "{}", "{\"query\":null}", "{\"query\":5}",
				"{\"query\":\"\"}", "{\"query\":\"{ me { roles } }\",\"variables\":\"x\"}",
				"{\"query\":\"{ me { roles } }\",\"variables\":[1]}",
				"{\"query\":\"{ me { roles } }\",\"operationName\":{}}",
				"{\"query\":\"{ me { roles } }\",\"extensions\":7}", "{\"query\":\"{ me { roles } \"",
				"\u00ff\u00fe{}")) {
			bodies.put(body, MediaType.APPLICATION_JSON);
		}
		for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
				MediaType.APPLICATION_FORM_URLENCODED)) {
			bodies.put("{\"query\":\"{ me { roles } }\"} as " + type, type);
		}
		bodies.forEach((body, type) -> {
			String content = body.contains(" as ") ? body.substring(0, body.indexOf(" as ")) : body;
			MvcTestResult result = this.mvc.post()
				.uri("/graphql")
				.header("Authorization", token)
				.contentType(type)
				.content(content)
				.exchange();
			assertThat(result).as(body).hasStatus4xxClientError();
			assertThat(result).as(body).bodyJson().extractingPath("$.errors[0].extensions.code").isNotNull();
		});
		MvcTestResult noType = this.mvc.post()
			.uri("/graphql")
			.header("Authorization", token)
			.content("{\"query\":\"{ me { roles } }\"}")
			.exchange();
		assertThat(noType).hasStatus4xxClientError();
		assertThat(noType).bodyJson().extractingPath("$.errors[0].extensions.code").isNotNull();
		assertNoStackTrace(output);
	}

	@Test
	void shouldFilterOnlyByKnownValues() {
		// every String-typed query argument outside cursors, reviewed: free-text filters
		// whose empty result is a true answer, or checked against what exists
		List<String> stringFilters = new ArrayList<>();
		for (GraphQLFieldDefinition query : this.graphQlSource.schema().getQueryType().getFieldDefinitions()) {
			for (List<String> path : SchemaDocuments.stringPaths(query)) {
				if (!List.of("after", "before").contains(path.get(0))) {
					stringFilters.add(query.getName() + "." + String.join(".", path));
				}
			}
		}
		assertThat(stringFilters).containsExactlyInAnyOrder("commandLog.filter.subscriber", "commandLog.filter.action",
				"securityEvents.tenant",
				// notifications: an event type filter whose empty result is a true
				// answer,
				// and a preview's free text
				"notifications.eventType", "previewNotification.eventType", "previewNotification.variables.name",
				"previewNotification.variables.value",
				// the preview of a template as typed: free text and its event type
				"previewNotificationDraft.eventType", "previewNotificationDraft.subject",
				"previewNotificationDraft.body", "previewNotificationDraft.variables.name",
				"previewNotificationDraft.variables.value",
				// live sessions: prefix search on user name, IP or MAC, and a user name,
				// whose empty result is a true answer
				"onlineSessions.filter.search", "sessionHistory.filter.username",
				// web client: free-text subscriber search
				"subscriberSearch.text", "subscriberCount.text",
				// console: tenants by slug or name, whose empty result is a true answer;
				// a tenant's move by its slug, null when no such tenant
				"tenants.search", "tenantMove.slug");
		this.admin.document("{ commandLog(first: 5, filter: {outcome: SUCEEDED}) { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code",
						"GRAPHQL_VALIDATION_FAILED")));
		this.admin.document("{ commandLog(first: 5, filter: {outcome: SUCCEEDED}) { edges { node { outcome } } } }")
			.execute()
			.path("commandLog.edges[*].node.outcome")
			.entityList(String.class)
			.satisfies((outcomes) -> assertThat(outcomes).isNotEmpty().containsOnly("SUCCEEDED"));
		as(TestTokens.platformAdmin())
			.document("{ securityEvents(first: 5, tenant: \"no-such-tenant\") { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	private void expectCode(GraphQLFieldDefinition field, Map<String, String> paging, String code) {
		Map<String, String> arguments = new LinkedHashMap<>(requiredArguments(field));
		arguments.putAll(paging);
		String document = "{ " + field.getName() + SchemaDocuments.arguments(arguments)
				+ SchemaDocuments.body(field.getType(), 0) + " }";
		GraphQlResponse response = this.admin.document(document).execute().returnResponse();
		assertThat(response.getErrors()).as(document).isNotEmpty();
		assertThat(response.getErrors()).as(document)
			.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", code));
	}

	private Map<String, String> requiredArguments(GraphQLFieldDefinition field) {
		Map<String, String> arguments = new LinkedHashMap<>();
		field.getArguments()
			.stream()
			.filter(SchemaDocuments::required)
			.forEach((argument) -> arguments.put(argument.getName(), SchemaDocuments.quote(this.network.routerId())));
		return arguments;
	}

	/**
	 * Refused: a GraphQL error carrying a code other than INTERNAL_ERROR, or a payload
	 * error.
	 */
	private static void assertRefusedWithCode(String document, GraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		assertThat(errors).as(document)
			.allSatisfy((error) -> assertThat(error.getExtensions().get("code")).isNotNull()
				.isNotEqualTo("INTERNAL_ERROR"));
		if (errors.isEmpty()) {
			Map<String, Object> data = response.getData();
			assertThat(data).as(document).isNotNull();
			Object payload = data.values().iterator().next();
			assertThat(payload).as(document).isInstanceOf(Map.class);
			assertThat((List<?>) ((Map<?, ?>) payload).get("errors")).as(document).isNotEmpty();
		}
	}

	private static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("\tat "))).as("stack trace lines logged")
			.isEmpty();
		assertThat(output.getAll()).doesNotContain("Unexpected failure");
	}

}
