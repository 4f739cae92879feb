package io.towerline.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation rule, checked: every query, mutation and subscription of the schema is
 * named in a test class whose name contains {@code Isolation} (tenant B on tenant A's
 * ids, or tenant roles refused on a platform admin's field). {@link #NOT_YET_COVERED}
 * lists the fields that had no such case when the check was written (ADR 0194); it may
 * only shrink: a field listed there that gains a case fails the check until it is struck
 * off.
 */
class IsolationCoverageTests {

	private static final Path SCHEMA = Path.of("src/main/resources/graphql");

	private static final Path TESTS = Path.of("src/test/java");

	private static final Path DOCUMENTS = Path.of("src/test/resources/graphql-test");

	private static final Pattern DOCUMENT_NAME = Pattern.compile("documentName\\(\"([\\w-]+)\"\\)");

	private static final Pattern COMMENTS = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*");

	/**
	 * Fields without a case in an Isolation class when this check was written; each needs
	 * one (most have a cross-tenant or role check in their feature's own tests).
	 */
	private static final Set<String> NOT_YET_COVERED = Set.of("usageTotal", "acknowledgeAlert", "alertRaised",
			"alertRule", "alertRules", "alerts", "createAlertRule", "deleteAlertRule", "retryOperations",
			"updateAlertRule", "backup", "backupDiff", "backupSettings", "restoreBackup", "setBackupSettings",
			"tenantSummary", "tenantThroughput", "driftReport", "driftReports", "driftSettings", "importRouter",
			"resolveDriftItems", "routerImport", "setAutomaticDriftRepair", "bulkExtendSubscriptions",
			"extendSubscription", "setLifecyclePolicy", "me", "operationsChanged", "operationPolicy",
			"operationUpdated", "setOperationPolicy", "createRouter", "onlineSessionsFeed", "disconnectSession",
			"onlineSessions", "onlineSessionsChanged", "sessionHistory", "subscriberCount", "subscriberSearch",
			"bulkChangeSubscriberPlan", "bulkCreateSubscribers", "importSubscribersCsv", "routerTraffic",
			"subscriberTraffic", "topTalkers", "topTalkersChanged", "sendTestWebhook");

	@Test
	void shouldHaveAnIsolationCaseForEveryRootField() {
		Map<String, String> fields = rootFields();
		String isolationTests = isolationTestSources();
		Set<String> uncovered = new TreeSet<>();
		Set<String> coveredButListed = new TreeSet<>();
		fields.forEach((field, where) -> {
			// used in a document ("alerts(first: 5) {", "alerts {"), a document's name or
			// a
			// result path ("alerts.edges") — not merely a word in prose
			boolean covered = Pattern.compile("\\b" + field + "\\s*[({}]|\"" + field + "[.\"]")
				.matcher(isolationTests)
				.find();
			if (!covered && !NOT_YET_COVERED.contains(field)) {
				uncovered.add(where + " " + field);
			}
			if (covered && NOT_YET_COVERED.contains(field)) {
				coveredButListed.add(field);
			}
		});
		assertThat(uncovered).as("root fields named in no *Isolation* test class").isEmpty();
		assertThat(coveredButListed).as("covered now: strike them off NOT_YET_COVERED").isEmpty();
		assertThat(fields.keySet()).as("listed fields that the schema has").containsAll(NOT_YET_COVERED);
	}

	/** Every field of Query, Mutation and Subscription, with its type and file. */
	private static Map<String, String> rootFields() {
		Map<String, String> fields = new TreeMap<>();
		for (Path file : files(SCHEMA, ".graphqls")) {
			TypeDefinitionRegistry registry = new SchemaParser().parse(read(file));
			Stream
				.concat(registry.getType("Query", ObjectTypeDefinition.class).stream(),
						Stream.of("Query", "Mutation", "Subscription")
							.flatMap((name) -> registry.objectTypeExtensions().getOrDefault(name, List.of()).stream()))
				.forEach((type) -> type.getFieldDefinitions()
					.stream()
					.map(FieldDefinition::getName)
					.forEach((name) -> fields.put(name, type.getName() + " (" + file.getFileName() + ")")));
			Stream.of("Mutation", "Subscription")
				.flatMap((name) -> registry.getType(name, ObjectTypeDefinition.class).stream())
				.forEach((type) -> type.getFieldDefinitions()
					.forEach((field) -> fields.put(field.getName(), type.getName() + " (" + file.getFileName() + ")")));
		}
		assertThat(fields).as("root fields found").hasSizeGreaterThan(100);
		return fields;
	}

	private static String isolationTestSources() {
		StringBuilder sources = new StringBuilder();
		for (Path file : files(TESTS, ".java")) {
			if (file.getFileName().toString().contains("Isolation")
					&& !file.getFileName().toString().equals("IsolationCoverageTests.java")) {
				String source = COMMENTS.matcher(read(file)).replaceAll(" ");
				sources.append(source).append('\n');
				// the documents it runs by name count as its text
				Matcher documents = DOCUMENT_NAME.matcher(source);
				while (documents.find()) {
					Path document = DOCUMENTS.resolve(documents.group(1) + ".graphql");
					if (Files.exists(document)) {
						sources.append(read(document)).append('\n');
					}
				}
			}
		}
		assertThat(sources).as("isolation test classes found").isNotEmpty();
		return sources.toString();
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
