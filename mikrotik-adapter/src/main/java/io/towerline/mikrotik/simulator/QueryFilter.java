package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a print's query words with the stack semantics of DOC-API "Queries": each
 * plain query pushes a boolean, {@code ?#} words manipulate the stack, the stack starts
 * with infinitely many {@code true}, and an item matches when no {@code false} remains.
 * Both {@code ?name=x} and {@code ?=name=x} are equality.
 */
final class QueryFilter {

	private final List<String> queries;

	QueryFilter(List<String> queries) {
		this.queries = queries;
	}

	boolean matches(Map<String, String> item) {
		List<Boolean> stack = new ArrayList<>();
		for (String query : this.queries) {
			if (query.startsWith("#")) {
				applyOperations(query.substring(1), stack);
			}
			else {
				stack.add(evaluate(query, item));
			}
		}
		return !stack.contains(Boolean.FALSE);
	}

	private static boolean evaluate(String query, Map<String, String> item) {
		if (query.startsWith("-")) {
			return !item.containsKey(query.substring(1));
		}
		char first = query.isEmpty() ? ' ' : query.charAt(0);
		if (first == '<' || first == '>') {
			String[] parts = split(query.substring(1));
			String value = item.get(parts[0]);
			if (value == null) {
				return false;
			}
			int order = compare(value, parts[1]);
			return (first == '<') ? order < 0 : order > 0;
		}
		String expression = (first == '=') ? query.substring(1) : query;
		if (!expression.contains("=")) {
			return item.containsKey(expression);
		}
		String[] parts = split(expression);
		return parts[1].equals(item.get(parts[0]));
	}

	private static String[] split(String expression) {
		int split = expression.indexOf('=');
		return (split < 0) ? new String[] { expression, "" }
				: new String[] { expression.substring(0, split), expression.substring(split + 1) };
	}

	private static int compare(String left, String right) {
		try {
			return Long.compare(Long.parseLong(left), Long.parseLong(right));
		}
		catch (NumberFormatException ex) {
			return left.compareTo(right);
		}
	}

	private static void applyOperations(String operations, List<Boolean> stack) {
		int i = 0;
		while (i < operations.length()) {
			char c = operations.charAt(i);
			if (Character.isDigit(c)) {
				int end = i;
				while (end < operations.length() && Character.isDigit(operations.charAt(end))) {
					end++;
				}
				boolean value = peek(stack, Integer.parseInt(operations.substring(i, end)));
				if (end == operations.length()) {
					stack.clear();
					stack.add(value);
				}
				else {
					stack.add(value);
					if (operations.charAt(end) == '.') {
						end++;
					}
				}
				i = end;
				continue;
			}
			switch (c) {
				case '!' -> stack.add(!pop(stack));
				case '&' -> stack.add(pop(stack) & pop(stack));
				case '|' -> stack.add(pop(stack) | pop(stack));
				case '.' -> stack.add(peek(stack, 0));
				default -> {
					// unknown operators are ignored, as RouterOS ignores what it does not
					// understand here
				}
			}
			i++;
		}
	}

	/**
	 * Index 0 is the top; below the explicit values the stack holds infinitely many
	 * {@code true}.
	 */
	private static boolean peek(List<Boolean> stack, int index) {
		int position = stack.size() - 1 - index;
		return position < 0 || stack.get(position);
	}

	private static boolean pop(List<Boolean> stack) {
		return stack.isEmpty() || stack.remove(stack.size() - 1);
	}

}
