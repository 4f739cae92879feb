package io.towerline.mikrotik.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.towerline.mikrotik.BatchResult;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterCommandRejectedException.Rejection;
import io.towerline.mikrotik.RouterException;

/**
 * The item operations every RouterOS table menu shares, addressed by item name. A name is
 * looked up to its {@code .id} with an exact-match query and the change is sent by
 * {@code .id}, never by {@code numbers=name}: a name containing a comma would otherwise
 * address several items.
 */
public final class MenuItems {

	private final CommandExecutor executor;

	private final String menu;

	public MenuItems(CommandExecutor executor, String menu) {
		this.executor = executor;
		this.menu = menu;
	}

	public List<Row> print(List<String> proplist) {
		return this.executor.execute(Command.to(this.menu + "/print").proplist(proplist).build()).rows();
	}

	public Optional<Row> findByName(String name, List<String> proplist) {
		Command find = Command.to(this.menu + "/print").proplist(proplist).whereEquals("name", name).build();
		return this.executor.execute(find).rows().stream().findFirst();
	}

	Optional<String> idOf(String name) {
		return findByName(name, List.of(".id")).map((row) -> row.getOrEmpty(".id"));
	}

	/** {@code print =count-only=}: counted on the router, nothing transferred. */
	public long count() {
		String ret = this.executor.execute(Command.to(this.menu + "/print").flag("count-only").build()).ret();
		return (ret != null) ? Long.parseLong(ret) : 0;
	}

	/** A builder for {@code add} on this menu. */
	public Command.Builder addCommand() {
		return Command.to(this.menu + "/add");
	}

	/** Runs an {@code add} and returns the new item's {@code .id}. */
	public String add(Command add) {
		String id = this.executor.execute(add).ret();
		return (id != null) ? id : "";
	}

	/**
	 * Sets properties of the named item.
	 * @return false when no item has that name (nothing was sent)
	 */
	public boolean setByName(String name, Consumer<Command.Builder> properties) {
		Optional<String> id = idOf(name);
		if (id.isEmpty()) {
			return false;
		}
		Command.Builder set = Command.to(this.menu + "/set").with(".id", id.get());
		properties.accept(set);
		return tolerateMissing(set.build());
	}

	/**
	 * Clears properties of the named item back to the router's default ({@code unset},
	 * one property per command as RouterOS takes it).
	 * @return false when no item has that name
	 */
	public boolean unsetByName(String name, Collection<String> properties) {
		Optional<String> id = idOf(name);
		if (id.isEmpty()) {
			return false;
		}
		for (String property : properties) {
			if (!tolerateMissing(
					Command.to(this.menu + "/unset").with("numbers", id.get()).with("value-name", property).build())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Sets the named item's properties, or adds it when absent. Two callers upserting the
	 * same name at once both find it absent and both add; the router refuses the second
	 * add as a duplicate, and that caller then sets the item the first one created.
	 * @return true when this call created the item
	 */
	public boolean upsertByName(String name, Command add, Consumer<Command.Builder> properties) {
		if (setByName(name, properties)) {
			return false;
		}
		try {
			add(add);
			return true;
		}
		catch (RouterCommandRejectedException ex) {
			if (ex.rejection() != Rejection.DUPLICATE || !setByName(name, properties)) {
				throw ex;
			}
			return false;
		}
	}

	/**
	 * @return false when no item has that name; removing what is gone counts as done
	 */
	public boolean removeByName(String name) {
		Optional<String> id = idOf(name);
		return id.isPresent() && tolerateMissing(Command.to(this.menu + "/remove").with(".id", id.get()).build());
	}

	/** {@code enable}/{@code disable}; @return false when no item has that name */
	public boolean enableByName(String name, boolean enabled) {
		Optional<String> id = idOf(name);
		return id.isPresent() && tolerateMissing(
				Command.to(this.menu + (enabled ? "/enable" : "/disable")).with(".id", id.get()).build());
	}

	/**
	 * Removes many items with one lookup and a pipelined batch. Names that do not exist
	 * succeed with a null id, so a repeated job converges.
	 */
	public BatchResult<String> removeAll(Collection<String> names) {
		Map<String, String> ids = new HashMap<>();
		for (Row row : print(List.of(".id", "name"))) {
			ids.put(row.getOrEmpty("name"), row.getOrEmpty(".id"));
		}
		List<String> present = names.stream().filter(ids::containsKey).toList();
		List<Command> removals = present.stream()
			.map((name) -> Command.to(this.menu + "/remove").with(".id", ids.get(name)).build())
			.toList();
		Map<String, RouterException> errors = new HashMap<>();
		List<CommandOutcome> outcomes = this.executor.pipeline(removals);
		for (int i = 0; i < outcomes.size(); i++) {
			RouterException error = outcomes.get(i).error();
			if (error != null && !isMissing(error)) {
				errors.put(present.get(i), error);
			}
		}
		List<BatchResult.Item<String>> items = new ArrayList<>();
		for (String name : names) {
			items.add(new BatchResult.Item<>(name, ids.get(name), errors.get(name)));
		}
		return new BatchResult<>(items);
	}

	/** Pipelines {@code add} commands and pairs each outcome with its input. */
	public <T> BatchResult<T> addAll(List<T> inputs, List<Command> adds) {
		List<CommandOutcome> outcomes = this.executor.pipeline(adds);
		List<BatchResult.Item<T>> items = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			CommandOutcome outcome = outcomes.get(i);
			items.add(new BatchResult.Item<>(inputs.get(i), (outcome.reply() != null) ? outcome.reply().ret() : null,
					outcome.error()));
		}
		return new BatchResult<>(items);
	}

	private boolean tolerateMissing(Command command) {
		try {
			this.executor.execute(command);
			return true;
		}
		catch (RouterCommandRejectedException ex) {
			if (isMissing(ex)) {
				// removed between the lookup and the change
				return false;
			}
			throw ex;
		}
	}

	private static boolean isMissing(RouterException error) {
		return error instanceof RouterCommandRejectedException rejected
				&& rejected.rejection() == Rejection.NO_SUCH_ITEM;
	}

}
