package io.towerline.api.graphql;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema file is named after the API package whose controllers serve its queries,
 * mutations and subscriptions: {@code <package>.graphqls}, or
 * {@code <package>-<topic>.graphqls} for a second file of one feature. Only
 * {@code common.graphqls} declares no operation of its own.
 */
class SchemaFileNamesTests {

	private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

	@Test
	void everyRootFieldIsServedByThePackageItsFileIsNamedAfter() throws Exception {
		Map<String, String> servedBy = rootFieldPackages();
		List<String> misplaced = new ArrayList<>();
		int fields = 0;
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
			String feature = feature(file.getFilename());
			Document document = Parser.parse(file.getContentAsString(StandardCharsets.UTF_8));
			for (Definition<?> definition : document.getDefinitions()) {
				if (definition instanceof ObjectTypeDefinition type && ROOT_TYPES.contains(type.getName())) {
					for (FieldDefinition field : type.getFieldDefinitions()) {
						fields++;
						String key = type.getName() + "." + field.getName();
						String servingPackage = servedBy.get(key);
						if (!feature.equals(servingPackage)) {
							misplaced.add(file.getFilename() + ": " + key + " is served by "
									+ ((servingPackage != null) ? "api." + servingPackage : "no controller"));
						}
					}
				}
			}
		}
		// the scan must see the operations it checks, or it checks nothing
		assertThat(fields).isGreaterThan(50);
		assertThat(misplaced).isEmpty();
	}

	private static String feature(String fileName) {
		String name = StringUtils.stripFilenameExtension(fileName);
		int dash = name.indexOf('-');
		return (dash < 0) ? name : name.substring(0, dash);
	}

	/** {@code Query.pops} → {@code pop}: the last package segment of its controller. */
	private static Map<String, String> rootFieldPackages() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(
				(reader, factory) -> reader.getAnnotationMetadata().hasAnnotation(Controller.class.getName()));
		Map<String, String> packages = new HashMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.towerline.api")) {
			Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), null);
			String packageName = controller.getPackageName();
			String feature = packageName.substring(packageName.lastIndexOf('.') + 1);
			for (Method method : controller.getDeclaredMethods()) {
				SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
				if (mapping != null && ROOT_TYPES.contains(mapping.typeName())) {
					String field = StringUtils.hasText(mapping.field()) ? mapping.field() : method.getName();
					packages.put(mapping.typeName() + "." + field, feature);
				}
			}
		}
		return packages;
	}

}
