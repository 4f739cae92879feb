package io.towerline.architecture;

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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules a reviewer checks by hand, checked over every module's sources (main
 * and test): each package says what it is and is {@code @NullMarked}; no type is named
 * Manager, Helper or Util; no class name is written fully qualified in code where an
 * import would do; every ADR weighs its considered options.
 */
class HouseRuleTests {

	private static final Path REPOSITORY = Path.of("..");

	private static final List<String> MODULES = List.of("mikrotik-adapter", "tenant-core", "platform-api", "helm");

	/**
	 * Fully qualified names that stay: each clashes with a simple name the file already
	 * uses for another type.
	 */
	private static final Set<String> CLASHING = Set.of(
			// graphql.ErrorType is imported
			"ErrorCodeInterceptor.java org.springframework.graphql.execution.ErrorType",
			// java.lang.management's namesakes are imported
			"LoadDriver.java com.sun.management.OperatingSystemMXBean",
			"DriftCheckBenchmark.java com.sun.management.ThreadMXBean",
			// Logback's Logger is imported
			"TenantSweepFailureLogTests.java org.slf4j.Logger");

	/** Strings, text blocks, character literals and comments: not code. */
	private static final Pattern NOT_CODE = Pattern.compile(
			"\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])+'|/\\*[\\s\\S]*?\\*/|//[^\\n]*");

	private static final Pattern QUALIFIED = Pattern.compile(
			"(?<![\\w.@])((?:java|javax|jakarta|org|com|io|reactor|graphql|liquibase)\\.(?:[a-z]\\w*\\.)+[A-Z]\\w*)");

	private static final Pattern VAGUE_NAME = Pattern.compile("\\w*(Manager|Helper|Utils?)\\.(java|tsx?)");

	@Test
	void shouldDescribeAndNullMarkEveryPackage() {
		Set<Path> packages = new TreeSet<>();
		javaSources().forEach((source) -> packages.add(source.getParent()));
		Set<String> undescribed = new TreeSet<>();
		for (Path directory : packages) {
			Path info = directory.resolve("package-info.java");
			if (!Files.exists(info)) {
				undescribed.add(directory + " has no package-info.java");
			}
			else if (!SourceFiles.read(info).contains("@NullMarked") || !SourceFiles.read(info).contains("/**")) {
				undescribed.add(info + " lacks a description or @NullMarked");
			}
		}
		assertThat(packages).as("packages found").hasSizeGreaterThan(100);
		assertThat(undescribed).isEmpty();
	}

	@Test
	void shouldNameNoTypeManagerHelperOrUtil() {
		Set<String> vague = new TreeSet<>();
		Stream
			.concat(javaSources().stream(),
					SourceFiles.under(REPOSITORY.resolve("web-client/src"), ".ts", ".tsx").stream())
			.filter((file) -> VAGUE_NAME.matcher(file.getFileName().toString()).matches())
			.forEach((file) -> vague.add(file.toString()));
		assertThat(vague).isEmpty();
	}

	@Test
	void shouldImportRatherThanQualifyClassNamesInCode() {
		Map<String, String> qualified = new TreeMap<>();
		for (Path source : javaSources()) {
			String code = NOT_CODE.matcher(SourceFiles.read(source)).replaceAll(" ");
			for (String line : code.split("\n")) {
				String trimmed = line.strip();
				if (trimmed.startsWith("import ") || trimmed.startsWith("package ")) {
					continue;
				}
				Matcher name = QUALIFIED.matcher(line);
				while (name.find()) {
					String found = source.getFileName() + " " + name.group(1);
					if (!CLASHING.contains(found)) {
						qualified.put(found, trimmed);
					}
				}
			}
		}
		assertThat(qualified).as("fully qualified class names in code (file and name -> line)").isEmpty();
	}

	@Test
	void shouldWeighConsideredOptionsInEveryDecisionRecord() {
		List<Path> records = SourceFiles.under(REPOSITORY.resolve("docs/adr"), ".md");
		assertThat(records).as("decision records found").hasSizeGreaterThan(100);
		assertThat(records).filteredOn((record) -> !SourceFiles.read(record).contains("\n## Considered options"))
			.as("ADRs without a Considered options section")
			.isEmpty();
	}

	private static List<Path> javaSources() {
		return MODULES.stream()
			.flatMap((module) -> Stream.of("main", "test")
				.map((set) -> REPOSITORY.resolve(module).resolve("src").resolve(set).resolve("java")))
			.filter(Files::isDirectory)
			.flatMap((root) -> SourceFiles.under(root, ".java").stream())
			.toList();
	}

}
