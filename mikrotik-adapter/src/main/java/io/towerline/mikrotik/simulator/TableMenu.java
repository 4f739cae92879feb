package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The standard commands of a table menu ({@code print}, {@code add}, {@code set},
 * {@code remove}, {@code enable}, {@code disable}, {@code listen}). Items are addressed
 * by {@code .id} or {@code numbers}, each a comma list of ids ({@code *1A}) or names, as
 * in RouterOS.
 */
final class TableMenu {

	private final String menu;

	private final ItemTable table;

	private final MenuRules rules;

	TableMenu(String menu, ItemTable table, MenuRules rules) {
		this.menu = menu;
		this.table = table;
		this.rules = rules;
	}

	void registerReadOnly(CommandTable commands) {
		commands.register(this.menu + "/print", (request, reply) -> print(request, reply));
		commands.register(this.menu + "/listen",
				(request, reply) -> TablePrinter.listen(this.table, this.rules::view, request, reply));
	}

	void registerAll(CommandTable commands) {
		registerReadOnly(commands);
		commands.register(this.menu + "/add", this::add);
		commands.register(this.menu + "/set", this::set);
		commands.register(this.menu + "/remove", this::remove);
		commands.register(this.menu + "/unset", this::unset);
		commands.register(this.menu + "/enable", (request, reply) -> toggle(request, reply, "false"));
		commands.register(this.menu + "/disable", (request, reply) -> toggle(request, reply, "true"));
	}

	void registerRemove(CommandTable commands) {
		commands.register(this.menu + "/remove", this::remove);
	}

	private void print(ApiRequest request, ReplyChannel reply) throws InterruptedException {
		List<Map<String, String>> items = new ArrayList<>();
		this.table.snapshot().forEach((item) -> items.add(this.rules.view(item)));
		TablePrinter.print(items, request, reply);
	}

	private void add(ApiRequest request, ReplyChannel reply) {
		if (rejectUnknown(request, reply)) {
			return;
		}
		Map<String, String> item = this.rules.create(normalise(request.attributes()));
		String result = this.table.add(item, (candidate) -> this.rules.check(candidate, this.table));
		if (result.startsWith("!")) {
			failWith(reply, result.substring(1));
		}
		else {
			reply.done(Map.of("ret", result));
		}
	}

	private void set(ApiRequest request, ReplyChannel reply) {
		if (rejectUnknown(request, reply)) {
			return;
		}
		List<String> ids = resolve(request, reply);
		if (ids == null) {
			return;
		}
		Map<String, String> changes = normalise(request.attributes());
		changes.remove(".id");
		changes.remove("numbers");
		for (String id : ids) {
			String error = this.table.update(id, changes, (candidate) -> this.rules.check(candidate, this.table));
			if (error != null) {
				failWith(reply, error);
				return;
			}
		}
		reply.done();
	}

	/**
	 * {@code unset value-name=P}: P goes back to what {@code add} would give it without a
	 * value (its default, or absent).
	 */
	private void unset(ApiRequest request, ReplyChannel reply) {
		String property = request.attribute("value-name");
		if (property == null || property.isEmpty()) {
			reply.fail(1, "missing value(s) of argument(s) value-name");
			return;
		}
		if (!this.rules.writable().contains(property) || property.equals("name")) {
			reply.fail(null, "unknown parameter " + RawText.toText(property));
			return;
		}
		List<String> ids = resolve(request, reply);
		if (ids == null) {
			return;
		}
		String defaultValue = this.rules.create(Map.of("name", "")).get(property);
		for (String id : ids) {
			String error = this.table.unset(id, property, defaultValue);
			if (error != null) {
				failWith(reply, error);
				return;
			}
		}
		reply.done();
	}

	private void remove(ApiRequest request, ReplyChannel reply) {
		List<String> ids = resolve(request, reply);
		if (ids == null) {
			return;
		}
		for (String id : ids) {
			Map<String, String> item = this.table.snapshot()
				.stream()
				.filter((candidate) -> id.equals(candidate.get(".id")))
				.findFirst()
				.orElse(Map.of());
			String refusal = this.rules.checkRemove(item);
			if (refusal != null) {
				failWith(reply, refusal);
				return;
			}
			Map<String, String> removed = this.table.remove(id);
			if (removed != null) {
				this.rules.removed(removed);
			}
		}
		reply.done();
	}

	private void toggle(ApiRequest request, ReplyChannel reply, String disabled) {
		List<String> ids = resolve(request, reply);
		if (ids == null) {
			return;
		}
		ids.forEach((id) -> this.table.update(id, Map.of("disabled", disabled), (candidate) -> null));
		reply.done();
	}

	/**
	 * The ids named by {@code .id} or {@code numbers}, or null after replying "no such
	 * item".
	 */
	private @Nullable List<String> resolve(ApiRequest request, ReplyChannel reply) {
		String address = (request.attribute(".id") != null) ? request.attribute(".id") : request.attribute("numbers");
		if (address == null || address.isEmpty()) {
			reply.fail(1, "missing value(s) of argument(s) .id");
			return null;
		}
		List<String> ids = new ArrayList<>();
		for (String token : address.split(",")) {
			String id = this.table.resolve(token);
			if (id == null) {
				reply.fail(null, "no such item");
				return null;
			}
			ids.add(id);
		}
		return ids;
	}

	private boolean rejectUnknown(ApiRequest request, ReplyChannel reply) {
		Set<String> writable = this.rules.writable();
		for (String name : request.attributes().keySet()) {
			if (!writable.contains(name) && !name.equals(".id") && !name.equals("numbers")) {
				reply.fail(null, "unknown parameter " + RawText.toText(name));
				return true;
			}
		}
		return false;
	}

	/** RouterOS stores yes/no as true/false and prints them that way. */
	private static Map<String, String> normalise(Map<String, String> attributes) {
		Map<String, String> normalised = new LinkedHashMap<>(attributes);
		String disabled = normalised.get("disabled");
		if (disabled != null) {
			normalised.put("disabled", (disabled.equals("yes") || disabled.equals("true")) ? "true" : "false");
		}
		return normalised;
	}

	static void failWith(ReplyChannel reply, String error) {
		int split = error.indexOf(':');
		if (split > 0 && error.substring(0, split).chars().allMatch(Character::isDigit)) {
			reply.fail(Integer.parseInt(error.substring(0, split)), error.substring(split + 1));
		}
		else {
			reply.fail(null, error);
		}
	}

}
