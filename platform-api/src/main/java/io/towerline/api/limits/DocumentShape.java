package io.towerline.api.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * What a validated document asks for, measured on its syntax tree with fragments
 * expanded: the deepest nesting and the most aliases of any of its operations, and
 * whether it introspects the schema ({@code __schema} or {@code __type};
 * {@code __typename} is not introspection). Each fragment is measured once, so fragment
 * fan-out costs nothing to measure.
 *
 * @param depth deepest field nesting; a top-level field is depth 1
 * @param aliases aliased fields in the operation with the most, fragments counted per use
 * @param introspects whether any selection is an introspection field
 */
record DocumentShape(int depth, long aliases, boolean introspects) {

	/** Measures a document that passed validation (no undefined or cyclic fragments). */
	static DocumentShape of(Document document) {
		Walker walker = new Walker(document.getDefinitionsOfType(FragmentDefinition.class));
		int depth = 0;
		long aliases = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			Measure measure = walker.measure(operation.getSelectionSet());
			depth = Math.max(depth, measure.depth());
			aliases = Math.max(aliases, measure.aliases());
		}
		return new DocumentShape(depth, aliases, walker.introspects);
	}

	private record Measure(int depth, long aliases) {

		static final Measure NONE = new Measure(0, 0);

	}

	private static final class Walker {

		private final Map<String, FragmentDefinition> fragments = new HashMap<>();

		private final Map<String, Measure> measuredFragments = new HashMap<>();

		private boolean introspects;

		Walker(Iterable<FragmentDefinition> fragments) {
			fragments.forEach((fragment) -> this.fragments.put(fragment.getName(), fragment));
		}

		Measure measure(@Nullable SelectionSet selections) {
			if (selections == null) {
				return Measure.NONE;
			}
			int depth = 0;
			long aliases = 0;
			for (Selection<?> selection : selections.getSelections()) {
				Measure inner = switch (selection) {
					case Field field -> field(field);
					case InlineFragment inline -> measure(inline.getSelectionSet());
					case FragmentSpread spread -> fragment(spread.getName());
					default -> Measure.NONE;
				};
				depth = Math.max(depth, inner.depth());
				aliases = saturatedAdd(aliases, inner.aliases());
			}
			return new Measure(depth, aliases);
		}

		private Measure field(Field field) {
			if ("__schema".equals(field.getName()) || "__type".equals(field.getName())) {
				this.introspects = true;
			}
			Measure inner = measure(field.getSelectionSet());
			return new Measure(inner.depth() + 1, saturatedAdd(inner.aliases(), (field.getAlias() != null) ? 1 : 0));
		}

		private Measure fragment(String name) {
			Measure known = this.measuredFragments.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition definition = this.fragments.get(name);
			Measure measure = (definition != null) ? measure(definition.getSelectionSet()) : Measure.NONE;
			this.measuredFragments.put(name, measure);
			return measure;
		}

		private static long saturatedAdd(long a, long b) {
			long sum = a + b;
			return (sum < a) ? Long.MAX_VALUE : sum;
		}

	}

}
