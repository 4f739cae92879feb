package io.towerline.mikrotik.pool;

import java.util.List;
import java.util.Optional;

import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;

/** {@code /ip/pool}: the pools a plan's profile hands addresses out of. */
public final class IpPools {

	static final List<String> PROPERTIES = List.of(".id", "name", "ranges", "comment");

	private final MenuItems items;

	public IpPools(CommandExecutor executor) {
		this.items = new MenuItems(executor, "/ip/pool");
	}

	public List<IpPool> list() {
		return this.items.print(PROPERTIES).stream().map(IpPools::toPool).toList();
	}

	public Optional<IpPool> find(String name) {
		return this.items.findByName(name, PROPERTIES).map(IpPools::toPool);
	}

	/**
	 * Sets the pool's ranges when it exists, adds it otherwise.
	 * @return true when created
	 */
	public boolean upsert(String name, String ranges, @Nullable String comment) {
		var add = this.items.addCommand().with("name", name).with("ranges", ranges);
		if (comment != null) {
			add.withText("comment", comment);
		}
		return this.items.upsertByName(name, add.build(), (set) -> set.with("ranges", ranges));
	}

	/**
	 * @return false when absent
	 */
	public boolean remove(String name) {
		return this.items.removeByName(name);
	}

	static IpPool toPool(Row row) {
		return new IpPool(row.getOrEmpty(".id"), row.getOrEmpty("name"), row.getOrEmpty("ranges"), row.get("comment"));
	}

}
