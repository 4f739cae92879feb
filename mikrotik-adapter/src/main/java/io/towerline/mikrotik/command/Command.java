package io.towerline.mikrotik.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.towerline.mikrotik.wire.RouterText;
import io.towerline.mikrotik.wire.Sentence;

/**
 * One API command, validated at construction: a menu path, attribute words, query words
 * and {@code .proplist}. Values are never concatenated into a command string; each
 * becomes its own word, so no value can add, remove or change another parameter.
 * Immutable and reusable; the connection adds the {@code .tag}.
 */
public final class Command {

	/** Property names whose values the audit hook and logs never see. */
	static final Set<String> ALWAYS_SENSITIVE = Set.of("password", "secret", "passphrase", "key", "private-key",
			"response", "show-sensitive-password");

	static final String REDACTED = "***";

	private final String path;

	private final List<Parameter> parameters;

	private final List<String> queries;

	private Command(String path, List<Parameter> parameters, List<String> queries) {
		this.path = path;
		this.parameters = List.copyOf(parameters);
		this.queries = List.copyOf(queries);
	}

	public static Builder to(String path) {
		return new Builder(ValueRules.path(path));
	}

	/** {@code /cancel =tag=...}, the protocol's way to stop a running command. */
	public static Command cancel(String tag) {
		return to("/cancel").with("tag", tag).build();
	}

	public String path() {
		return this.path;
	}

	/** Reads have no side effect on the router and are safe to retry. */
	public boolean isRead() {
		return this.path.endsWith("/print") || this.path.endsWith("/getall");
	}

	/**
	 * The words of this command with {@code .tag} set; the tag goes second, as real
	 * routers place it.
	 */
	public Sentence toSentence(String tag) {
		List<byte[]> words = new ArrayList<>(this.parameters.size() + this.queries.size() + 2);
		words.add(RouterText.encode(this.path));
		words.add(RouterText.encode(".tag=" + tag));
		for (Parameter parameter : this.parameters) {
			words.add(RouterText.encode("=" + parameter.name() + "=" + parameter.value()));
		}
		for (String query : this.queries) {
			words.add(RouterText.encode(query));
		}
		return Sentence.ofWords(words);
	}

	/** Parameters and queries for the audit log, secrets replaced by {@code ***}. */
	public Map<String, String> redactedParameters() {
		Map<String, String> redacted = new LinkedHashMap<>();
		for (Parameter parameter : this.parameters) {
			redacted.put(parameter.name(), parameter.sensitive() ? REDACTED : parameter.value());
		}
		for (String query : this.queries) {
			redacted.put(query, "");
		}
		return Collections.unmodifiableMap(redacted);
	}

	/** A parameter value, for callers that map results back to their inputs. */
	public String parameter(String name) {
		return this.parameters.stream()
			.filter((parameter) -> parameter.name().equals(name))
			.map(Parameter::value)
			.findFirst()
			.orElse("");
	}

	@Override
	public String toString() {
		return this.path + " " + redactedParameters();
	}

	record Parameter(String name, String value, boolean sensitive) {
	}

	/**
	 * Builds a {@link Command}; every method validates its input and throws
	 * {@link UnrepresentableValueException}.
	 */
	public static final class Builder {

		private final String path;

		private final List<Parameter> parameters = new ArrayList<>();

		private final List<String> queries = new ArrayList<>();

		private Builder(String path) {
			this.path = path;
		}

		/** A single-line value: no control characters, no CR/LF. */
		public Builder with(String name, String value) {
			return add(name, ValueRules.value(name, value, false), false);
		}

		/**
		 * Free text (comments, scripts): CR, LF and TAB are allowed and arrive unchanged.
		 */
		public Builder withText(String name, String value) {
			return add(name, ValueRules.value(name, value, true), false);
		}

		/** A single-line value the audit log and logs must never show. */
		public Builder withSecret(String name, String value) {
			return add(name, ValueRules.value(name, value, false), true);
		}

		/** A valueless flag such as {@code =once=} or {@code =count-only=}. */
		public Builder flag(String name) {
			return add(name, "", false);
		}

		public Builder withNumber(String name, long value) {
			return add(name, Long.toString(value), false);
		}

		public Builder withBoolean(String name, boolean value) {
			return add(name, value ? "yes" : "no", false);
		}

		/**
		 * Only these properties are returned ({@code .proplist}); the cheapest way to
		 * print a large table.
		 */
		public Builder proplist(List<String> names) {
			names.forEach(ValueRules::name);
			return add(".proplist", String.join(",", names), false);
		}

		/**
		 * Matches items whose property equals the value exactly ({@code ?=name=value}).
		 */
		public Builder whereEquals(String name, String value) {
			this.queries.add("?=" + ValueRules.name(name) + "=" + ValueRules.value(name, value, true));
			return this;
		}

		/** Matches items that have the property ({@code ?name}). */
		public Builder whereHas(String name) {
			this.queries.add("?" + ValueRules.name(name));
			return this;
		}

		/** ORs the last two conditions ({@code ?#|}). */
		public Builder or() {
			this.queries.add("?#|");
			return this;
		}

		/** Negates the last condition ({@code ?#!}). */
		public Builder not() {
			this.queries.add("?#!");
			return this;
		}

		public Command build() {
			return new Command(this.path, this.parameters, this.queries);
		}

		private Builder add(String name, String value, boolean sensitive) {
			ValueRules.name(name);
			this.parameters.add(new Parameter(name, value, sensitive || ALWAYS_SENSITIVE.contains(name)));
			return this;
		}

	}

}
