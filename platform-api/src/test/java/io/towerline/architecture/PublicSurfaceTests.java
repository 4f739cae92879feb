package io.towerline.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.repository.Repository;
import org.springframework.util.function.SingletonSupplier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps tenant-core's public face small (docs/adding-a-feature.md): storage stays inside
 * its feature, entities are read-only outside it, and a type is public only when another
 * package reaches it.
 */
class PublicSurfaceTests {

	private static final String CORE = "io.towerline.core";

	private static final Pattern PACKAGE = Pattern.compile("^package [\\w.]+;", Pattern.MULTILINE);

	/** Every Java source of the three modules, each prefixed with its package line. */
	private static final Supplier<List<String>> SOURCES = SingletonSupplier.of(PublicSurfaceTests::readSources);

	private static JavaClasses production;

	private static JavaClasses productionAndTests;

	@BeforeAll
	static void importClasses() {
		production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption((location) -> !location.contains("-tests.jar"))
			.importPackages("io.towerline");
		// a test fixture in another package (tenant-core's test support) is a reader too
		productionAndTests = new ClassFileImporter().importPackages("io.towerline");
	}

	@Test
	void shouldKeepRepositoriesInsideTheirFeature() {
		classes().that()
			.areAssignableTo(Repository.class)
			.should()
			.notBePublic()
			.because("a feature's storage is reached through its public service, never from another package")
			.check(production);
	}

	@Test
	void shouldOpenEntitiesOnlyForReading() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.should(exposeOnlyReadAccessors())
			.because("an entity changes only through its feature's service, which keeps the rules and the audit")
			.check(production);
	}

	@Test
	void shouldMakePublicOnlyWhatAnotherPackageReaches() throws IOException {
		Set<JavaClass> reached = reachedFromOtherPackages();
		Set<String> leaked = new TreeSet<>();
		for (JavaClass type : production) {
			if (type.getPackageName().startsWith(CORE) && type.isTopLevelClass()
					&& type.getModifiers().contains(JavaModifier.PUBLIC) && !isPackageInfo(type)
					&& !reached.contains(topLevel(productionAndTests.get(type.getName())))) {
				leaked.add(type.getName());
			}
		}
		leaked.removeAll(loadedAsServices());
		leaked.removeIf((name) -> declaresConstants(production.get(name)) && namedInAnotherPackage(name));
		assertThat(leaked)
			.as("public tenant-core types that no other package reaches: make them package-private "
					+ "(or, for a type other packages should see, reach it from the feature's public service)")
			.isEmpty();
	}

	/**
	 * The top-level types another package uses by name, and — because a caller can hold
	 * what a public member hands out without naming it — every type in the signature of a
	 * public member of a type already reached.
	 */
	private static Set<JavaClass> reachedFromOtherPackages() {
		Set<JavaClass> reached = new HashSet<>();
		Deque<JavaClass> pending = new ArrayDeque<>();
		for (JavaClass origin : productionAndTests) {
			for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
				JavaClass target = topLevel(dependency.getTargetClass());
				if (isOurs(target) && !target.getPackageName().equals(origin.getPackageName()) && reached.add(target)) {
					pending.add(target);
				}
			}
		}
		while (!pending.isEmpty()) {
			for (JavaClass exposed : exposedBy(pending.poll())) {
				JavaClass target = topLevel(exposed);
				if (isOurs(target) && reached.add(target)) {
					pending.add(target);
				}
			}
		}
		return reached;
	}

	private static Set<JavaClass> exposedBy(JavaClass type) {
		Set<JavaClass> exposed = new HashSet<>();
		Deque<JavaClass> scopes = new ArrayDeque<>(List.of(type));
		while (!scopes.isEmpty()) {
			JavaClass scope = scopes.poll();
			scope.getRawSuperclass().ifPresent(exposed::add);
			exposed.addAll(scope.getRawInterfaces());
			for (JavaMember member : scope.getMembers()) {
				if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
					continue;
				}
				if (member instanceof JavaField field) {
					exposed.addAll(field.getType().getAllInvolvedRawTypes());
				}
				if (member instanceof JavaCodeUnit codeUnit) {
					exposed.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
					codeUnit.getParameterTypes()
						.forEach((parameter) -> exposed.addAll(parameter.getAllInvolvedRawTypes()));
				}
			}
			if (scope.reflect().isSealed()) {
				// a caller switches over the public variants of a sealed type it was
				// handed
				scope.getSubclasses()
					.stream()
					.filter((variant) -> variant.getModifiers().contains(JavaModifier.PUBLIC))
					.forEach(exposed::add);
			}
			for (JavaClass nested : productionAndTests) {
				if (nested.getEnclosingClass().filter(scope::equals).isPresent()
						&& nested.getModifiers().contains(JavaModifier.PUBLIC)) {
					scopes.add(nested);
				}
			}
		}
		return exposed;
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass current = type.getBaseComponentType();
		while (current.getEnclosingClass().isPresent()) {
			current = current.getEnclosingClass().get();
		}
		return current;
	}

	/** {@link java.util.ServiceLoader} needs the providers it names to be public. */
	private static Set<String> loadedAsServices() throws IOException {
		Set<String> providers = new HashSet<>();
		for (Resource registry : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/services/*")) {
			try (InputStream in = registry.getInputStream()) {
				new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
					.forEach(providers::add);
			}
		}
		return providers;
	}

	private static boolean declaresConstants(JavaClass type) {
		return type.getFields()
			.stream()
			.anyMatch((field) -> field.getModifiers()
				.containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL)));
	}

	/**
	 * javac copies a constant into the class that reads it, so the class files cannot
	 * show who reads a constant; the sources can.
	 */
	private static boolean namedInAnotherPackage(String typeName) {
		String packageName = typeName.substring(0, typeName.lastIndexOf('.'));
		Pattern named = Pattern.compile("\\b" + typeName.substring(packageName.length() + 1) + "\\b");
		return SOURCES.get()
			.stream()
			.anyMatch((source) -> !source.startsWith("package " + packageName + ";") && named.matcher(source).find());
	}

	private static List<String> readSources() {
		// the tests run in platform-api; its siblings are the other modules
		Path root = Path.of("").toAbsolutePath().getParent();
		List<String> sources = new ArrayList<>();
		for (String module : List.of("mikrotik-adapter", "tenant-core", "platform-api")) {
			try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src"))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					String source = Files.readString(file);
					Matcher declaration = PACKAGE.matcher(source);
					sources.add(declaration.find() ? declaration.group() + source : source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return sources;
	}

	private static boolean isOurs(JavaClass type) {
		return type.getPackageName().startsWith("io.towerline");
	}

	private static boolean isPackageInfo(JavaClass type) {
		return type.getSimpleName().equals("package-info");
	}

	private static ArchCondition<JavaClass> exposeOnlyReadAccessors() {
		return new ArchCondition<>("expose only public accessors without parameters (and constants)") {

			@Override
			public void check(JavaClass entity, ConditionEvents events) {
				for (JavaMember member : entity.getMembers()) {
					if (!member.getModifiers().contains(JavaModifier.PUBLIC) || isEquals(member)
							|| isConstant(member)) {
						continue;
					}
					boolean readAccessor = member instanceof JavaMethod method && method.getParameters().isEmpty()
							&& !method.getRawReturnType().getName().equals("void");
					if (!readAccessor) {
						events.add(SimpleConditionEvent.violated(entity,
								member.getFullName() + " is public; an entity is changed inside its feature only"));
					}
				}
			}

			private boolean isConstant(JavaMember member) {
				return member instanceof JavaField && member.getModifiers().contains(JavaModifier.STATIC)
						&& member.getModifiers().contains(JavaModifier.FINAL);
			}

			private boolean isEquals(JavaMember member) {
				return member instanceof JavaMethod method && method.getName().equals("equals")
						&& method.getParameters().size() == 1;
			}

		};
	}

}
