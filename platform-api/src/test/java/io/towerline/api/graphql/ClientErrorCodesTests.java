package io.towerline.api.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.towerline.api.limits.LimitCode;
import io.towerline.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the schema and the code to {@link ClientErrorCodes}: the schema's
 * {@code UserErrorCode} enum lists exactly the payload codes, no code has two homes, and
 * every code written as a string literal in platform-api is a known one.
 */
class ClientErrorCodesTests {

	/**
	 * Upper-case literals in platform-api that are not error codes. A new literal that is
	 * a code belongs in {@link RequestErrorCode} (or {@link LimitCode},
	 * {@link ErrorCode}).
	 */
	private static final Set<String> NOT_CODES = Set.of(
			// error classifications (extensions.classification), not codes
			"UNAVAILABLE", "THROTTLED",
			// HTTP methods, algorithms, role names
			"GET", "HEAD", "POST", "OPTIONS", "RSA", "AES", "ROLE_", "TENANT_ADMIN",
			// history granularities (the schema's UsageGranularity, HealthGranularity)
			// whose steps price a @listSize range (ADR 0224)
			"MINUTE", "FIVE_MINUTES", "HOUR", "DAY");

	private static final Pattern UPPER_CASE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})\"");

	@Test
	void schemaUserErrorCodeListsExactlyThePayloadCodes() throws IOException {
		Set<String> schema = userErrorCodes();
		assertThat(difference(ClientErrorCodes.payload(), schema))
			.as("payload codes missing from the schema's UserErrorCode enum")
			.isEmpty();
		assertThat(difference(schema, ClientErrorCodes.payload())).as("UserErrorCode values no ErrorCode backs")
			.isEmpty();
	}

	@Test
	void noCodeHasTwoHomes() {
		Set<String> seen = new HashSet<>();
		List<String> twice = new ArrayList<>();
		Stream.of(ErrorCode.values(), LimitCode.values(), RequestErrorCode.values())
			.flatMap(Stream::of)
			.map(Enum::name)
			.filter((name) -> !seen.add(name))
			.forEach(twice::add);
		assertThat(twice).as("codes declared in more than one enum").isEmpty();
		assertThat(ClientErrorCodes.all()).hasSize(seen.size());
	}

	@Test
	void everyCodeWrittenAsALiteralIsKnown() throws IOException {
		Map<String, String> literals = upperCaseLiterals(Path.of("src/main/java"));
		// the scan must see the literal codes it guards, or it guards nothing
		assertThat(literals).containsKeys("INVALID_CURSOR", "PAGE_SIZE_REQUIRED", "UNAUTHENTICATED",
				"LOCAL_TOKEN_HOST");
		Map<String, String> unknown = new TreeMap<>(literals);
		unknown.keySet().removeIf((literal) -> ClientErrorCodes.isKnown(literal) || NOT_CODES.contains(literal));
		assertThat(unknown).as("literal codes not in ClientErrorCodes (literal -> file)").isEmpty();
	}

	@Test
	void notCodesListHoldsNoCode() {
		assertThat(NOT_CODES).noneMatch(ClientErrorCodes::isKnown);
	}

	private static Set<String> userErrorCodes() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
			registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		EnumTypeDefinition userErrorCode = registry.getType("UserErrorCode", EnumTypeDefinition.class).orElseThrow();
		Set<String> values = new HashSet<>();
		for (EnumValueDefinition value : userErrorCode.getEnumValueDefinitions()) {
			values.add(value.getName());
		}
		for (EnumTypeExtensionDefinition extension : registry.enumTypeExtensions()
			.getOrDefault("UserErrorCode", List.of())) {
			extension.getEnumValueDefinitions().forEach((value) -> values.add(value.getName()));
		}
		return values;
	}

	private static Map<String, String> upperCaseLiterals(Path root) throws IOException {
		Map<String, String> literals = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = UPPER_CASE_LITERAL.matcher(Files.readString(file));
				while (matcher.find()) {
					literals.putIfAbsent(matcher.group(1), root.relativize(file).toString());
				}
			}
		}
		return literals;
	}

	private static Set<String> difference(Set<String> left, Set<String> right) {
		Set<String> difference = new HashSet<>(left);
		difference.removeAll(right);
		return difference;
	}

}
