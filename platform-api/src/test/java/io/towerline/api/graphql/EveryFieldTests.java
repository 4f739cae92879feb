package io.towerline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import java.util.Map;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.alert.AlertSweeper;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every field of every type the schema reaches from {@code Query}, on rows whose
 * optional columns are all empty (a subscriber without contact data, a router without a
 * POP, a plan without burst or grace plan, ...). The documents are generated from the
 * schema, so a field added later is read too: any nullable column that a resolver or a
 * non-null schema field does not expect shows up as an error here.
 */
class EveryFieldTests extends ApiTest {

	private static final int DEPTH = 5;

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	RouterHealthCheck healthCheck;

	NetworkFixture network;

	String tenant;

	String importId;

	String backupId;

	@BeforeEach
	void minimalRows() {
		this.tenant = newTenant("fields").slug();
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant, "OPERATOR")), "fields-1");
		// lifecycle and notifications: an endpoint for every event, so the subscriber
		// below
		// leaves a webhook delivery in the outbox
		as(TestTokens.forTenant(this.tenant, "TENANT_ADMIN"))
			.document("mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { "
					+ "errors { code } } }")
			.variable("input", Map.of("url", "http://127.0.0.1:9/hooks", "events", "*"))
			.execute()
			.path("createWebhookEndpoint.errors")
			.entityList(Object.class)
			.hasSize(0);
		var created = this.network.graphQl()
			.document("""
					mutation($input: CreateSubscriberInput!) {
					  createSubscriber(input: $input) { subscriber { id } operation { id } errors { code } }
					}""")
			.variable("input",
					Map.of("username", "bare", "password", "bare-pass", "planId", this.network.planId(), "routerId",
							this.network.routerId()))
			.execute();
		created.path("createSubscriber.errors").entityList(Object.class).hasSize(0);
		this.network.awaitSucceeded(created.path("createSubscriber.operation.id").entity(String.class).get());
		as(TestTokens.forTenant(this.tenant, "TENANT_ADMIN"))
			.document("mutation($input: CreatePopInput!) { createPop(input: $input) { errors { code } } }")
			.variable("input", Map.of("name", "Bare POP", "address", "Somewhere"))
			.execute()
			.path("createPop.errors")
			.entityList(Object.class)
			.hasSize(0);
		// a drift item too: the secret's comment changed by hand on the router
		this.network.simulator()
			.putRawSecretValue("bare", "comment", "changed by hand".getBytes(StandardCharsets.UTF_8));
		this.network.graphQl()
			.document("mutation($input: CheckDriftInput!) { checkDrift(input: $input) { errors { code } } }")
			.variable("input", Map.of("routerId", this.network.routerId()))
			.execute()
			.path("checkDrift.errors")
			.entityList(Object.class)
			.hasSize(0);
		// and an import of the router, which only its operation's id finds
		var imported = this.network.graphQl()
			.document("mutation($input: ImportRouterInput!) { importRouter(input: $input) { operation { id } "
					+ "errors { code } } }")
			.variable("input", Map.of("routerId", this.network.routerId()))
			.execute();
		imported.path("importRouter.errors").entityList(Object.class).hasSize(0);
		this.importId = imported.path("importRouter.operation.id").entity(String.class).get();
		this.network.awaitSucceeded(this.importId);
		// backups: one export of the router, which backup and backupDiff read
		String backupOperation = this.network.graphQl()
			.document("mutation($input: TakeBackupInput!) { takeBackup(input: $input) { operation { id } } }")
			.variable("input", Map.of("routerId", this.network.routerId(), "kind", "EXPORT"))
			.execute()
			.path("takeBackup.operation.id")
			.entity(String.class)
			.get();
		this.network.awaitSucceeded(backupOperation);
		this.backupId = this.network.graphQl()
			.document("query($id: ID!) { router(id: $id) { backups(first: 1) { edges { node { id } } } } }")
			.variable("id", this.network.routerId())
			.execute()
			.path("router.backups.edges[0].node.id")
			.entity(String.class)
			.get();
		// alerts (issue 11): one open alert, which only a sweep raises
		as(TestTokens.forTenant(this.tenant, "TENANT_ADMIN"))
			.document("mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { errors { code } } }")
			.variable("input",
					Map.of("type", "CPU_HIGH", "name", "Any load", "severity", "INFO", "threshold", 1, "forSeconds", 0,
							"clearSeconds", 0))
			.execute()
			.path("createAlertRule.errors")
			.entityList(Object.class)
			.hasSize(0);
		this.network.simulator().cpuLoad(50);
		TenantId tenantId = TenantId.of(this.tenant);
		TenantContext.callAs(tenantId, () -> this.healthCheck.check(UUID.fromString(this.network.routerId())));
		this.sweeper.sweep(tenantId, Instant.now());
		// reports (issue 13): one report, which the list yields for report(id)
		as(TestTokens.forTenant(this.tenant, "TENANT_ADMIN"))
			.document("mutation($input: RequestReportInput!) { requestReport(input: $input) { errors { code } } }")
			.variable("input",
					Map.of("kind", "USAGE_BY_ROUTER", "from", Instant.now().minus(1, ChronoUnit.DAYS).toString(), "to",
							Instant.now().toString()))
			.execute()
			.path("requestReport.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldReadEveryFieldOfEveryTypeOnRowsWithEmptyOptionalColumns() {
		GraphQLSchema schema = this.graphQlSource.schema();
		Set<String> read = new TreeSet<>();
		for (HttpGraphQlTester caller : List.of(as(TestTokens.forTenant(this.tenant, "TENANT_ADMIN")),
				as(TestTokens.platformAdmin()))) {
			Map<String, String> idsByType = new LinkedHashMap<>();
			idsByType.put("RouterImport", this.importId);
			// backups: backupDiff(from, to) compares the export with itself
			idsByType.put("from", this.backupId);
			idsByType.put("to", this.backupId);
			List<GraphQLFieldDefinition> queries = new ArrayList<>(schema.getQueryType().getFieldDefinitions());
			// queries without required arguments first: they yield the ids the others
			// need
			queries.sort(
					Comparator.comparing((query) -> query.getArguments().stream().anyMatch(SchemaDocuments::required)));
			for (GraphQLFieldDefinition query : queries) {
				String document = "{ " + query.getName() + arguments(query, idsByType, 20)
						+ SchemaDocuments.body(query.getType(), DEPTH) + " }";
				GraphQlResponse response = caller.document(document).execute().returnResponse();
				List<String> codes = response.getErrors()
					.stream()
					.map((error) -> String.valueOf(error.getExtensions().get("code")))
					.toList();
				// a role may not see a query at all; any other error is a field that
				// cannot be read
				assertThat(codes).as(document + " -> " + response.getErrors())
					.allMatch((code) -> code.equals("FORBIDDEN") || code.equals("TENANT_REQUIRED"));
				if (codes.isEmpty()) {
					read.add(query.getName());
					collectIds(response.getData(), idsByType);
				}
			}
		}
		assertThat(read).as("queries every role was refused")
			.containsExactlyInAnyOrderElementsOf(
					schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList());
	}

	/** Arguments: ids of known objects for required ids, a page size for connections. */
	private static String arguments(GraphQLFieldDefinition field, Map<String, String> idsByType, int pageSize) {
		List<String> given = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			String name = argument.getName();
			if (name.equals("first")) {
				given.add("first: " + pageSize);
			}
			else if (SchemaDocuments.required(argument)
					&& SchemaDocuments.named(argument.getType()).getName().equals("DateTime")) {
				// a period: the last day
				Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
				given.add(name + ": \"" + (name.equals("to") ? end : end.minus(1, ChronoUnit.DAYS)) + "\"");
			}
			else if (SchemaDocuments.required(argument)) {
				String type = name.equals("id") ? SchemaDocuments.named(field.getType()).getName()
						: !name.endsWith("Id") ? name
								: name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1, name.length() - 2);
				given.add(name + ": \"" + idsByType.getOrDefault(type, "00000000-0000-0000-0000-000000000000") + "\"");
			}
		}
		return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
	}

	@SuppressWarnings("unchecked")
	private static void collectIds(Object data, Map<String, String> idsByType) {
		if (data instanceof Map<?, ?> map) {
			if (map.get("__typename") instanceof String type && map.get("id") instanceof String id) {
				idsByType.putIfAbsent(type, id);
			}
			((Map<String, Object>) map).values().forEach((value) -> collectIds(value, idsByType));
		}
		else if (data instanceof List<?> list) {
			list.forEach((item) -> collectIds(item, idsByType));
		}
	}

}
