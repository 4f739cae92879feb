package io.towerline.api.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Builds GraphQL documents from the schema, so that tests cover every field and argument
 * the schema has, including those added later.
 */
final class SchemaDocuments {

	private SchemaDocuments() {
	}

	/** Every field without required arguments, objects down to {@code depth}. */
	static String body(GraphQLType type, int depth) {
		GraphQLType named = named(type);
		if (!(named instanceof GraphQLObjectType object)) {
			return GraphQLTypeUtil.isLeaf(named) ? "" : " { __typename }";
		}
		List<String> fields = new ArrayList<>();
		fields.add("__typename");
		for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
			if (field.getArguments().stream().anyMatch((arg) -> required(arg) && !arg.getName().equals("first"))) {
				continue;
			}
			String page = (field.getArgument("first") != null) ? "(first: 2)" : "";
			if (GraphQLTypeUtil.isLeaf(named(field.getType()))) {
				fields.add(field.getName() + page);
			}
			else if (depth > 0) {
				fields.add(field.getName() + page + body(field.getType(), depth - 1));
			}
		}
		return " { " + String.join(" ", fields) + " }";
	}

	/**
	 * Paths to every {@code ID} an argument of {@code field} can hold: an argument name,
	 * then input field names.
	 */
	static List<List<String>> idPaths(GraphQLFieldDefinition field) {
		List<List<String>> paths = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			collectIdPaths(argument.getType(), new ArrayList<>(List.of(argument.getName())), paths, 0);
		}
		return paths;
	}

	/** Paths to every {@code String} an argument of {@code field} can hold. */
	static List<List<String>> stringPaths(GraphQLFieldDefinition field) {
		return scalarPaths(field, "String");
	}

	/**
	 * Paths to every scalar named {@code scalarName} an argument of {@code field} can
	 * hold.
	 */
	static List<List<String>> scalarPaths(GraphQLFieldDefinition field, String scalarName) {
		List<List<String>> paths = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			collectPaths(argument.getType(), scalarName, new ArrayList<>(List.of(argument.getName())), paths, 0);
		}
		return paths;
	}

	private static void collectIdPaths(GraphQLType type, List<String> path, List<List<String>> paths, int depth) {
		collectPaths(type, "ID", path, paths, depth);
	}

	private static void collectPaths(GraphQLType type, String scalarName, List<String> path, List<List<String>> paths,
			int depth) {
		GraphQLNamedType named = named(type);
		if (named instanceof GraphQLScalarType scalar && scalar.getName().equals(scalarName)) {
			paths.add(List.copyOf(path));
		}
		else if (named instanceof GraphQLInputObjectType input && depth < 3) {
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				path.add(field.getName());
				collectPaths(field.getType(), scalarName, path, paths, depth + 1);
				path.remove(path.size() - 1);
			}
		}
	}

	/**
	 * The arguments of {@code field} as GraphQL text: required ones with well-formed
	 * values, the one at {@code path} (and its parents) replaced by {@code value}, a
	 * GraphQL literal.
	 */
	static String arguments(GraphQLFieldDefinition field, List<String> path, String value) {
		return arguments(field, path, value, (name) -> quote(UUID.randomUUID().toString()));
	}

	/**
	 * As {@link #arguments(GraphQLFieldDefinition, List, String)}, with each {@code ID}
	 * input field off the path given by {@code ids} from its field name (a literal).
	 */
	static String arguments(GraphQLFieldDefinition field, List<String> path, String value,
			Function<String, String> ids) {
		List<String> given = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			boolean onPath = argument.getName().equals(path.get(0));
			if (onPath || required(argument)) {
				given.add(argument.getName() + ": " + literal(argument.getName(), argument.getType(),
						onPath ? path.subList(1, path.size()) : null, value, ids));
			}
		}
		return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
	}

	/** Named arguments as GraphQL text, e.g. {@code (first: 5, after: "x")}. */
	static String arguments(Map<String, String> literals) {
		if (literals.isEmpty()) {
			return "";
		}
		List<String> given = new ArrayList<>();
		literals.forEach((name, literal) -> given.add(name + ": " + literal));
		return "(" + String.join(", ", given) + ")";
	}

	private static String literal(String name, GraphQLInputType type, List<String> path, String value,
			Function<String, String> ids) {
		if (path != null && path.isEmpty()) {
			return (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) ? "[" + value + "]" : value;
		}
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list) {
			return "[" + literal(name, (GraphQLInputType) list.getWrappedType(), path, value, ids) + "]";
		}
		if (bare instanceof GraphQLInputObjectType input) {
			List<String> fields = new ArrayList<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				boolean onPath = path != null && field.getName().equals(path.get(0));
				if (onPath || (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue())) {
					fields.add(field.getName() + ": " + literal(field.getName(), field.getType(),
							onPath ? path.subList(1, path.size()) : null, value, ids));
				}
			}
			return "{" + String.join(", ", fields) + "}";
		}
		if (bare instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		return switch (((GraphQLNamedType) bare).getName()) {
			case "ID" -> ids.apply(name);
			case "Int" -> "1";
			case "Float" -> "1.5";
			case "Boolean" -> "false";
			case "DateTime" -> quote("2026-01-01T00:00:00Z");
			default -> quote("x");
		};
	}

	/** A GraphQL string literal. */
	static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static boolean required(GraphQLArgument argument) {
		return argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
	}

	static GraphQLNamedType named(GraphQLType type) {
		return (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
	}

}
