package io.towerline.mikrotik.ppp;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.DurationText;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;

/** {@code /ppp/profile}: the router side of the platform's plans. */
public final class PppProfiles {

	static final List<String> PROPERTIES = List.of(".id", "name", "local-address", "remote-address", "rate-limit",
			"only-one", "session-timeout", "idle-timeout", "address-list", "dns-server", "parent-queue", "comment",
			"default");

	private final MenuItems items;

	public PppProfiles(CommandExecutor executor) {
		this.items = new MenuItems(executor, "/ppp/profile");
	}

	public List<PppProfile> list() {
		return this.items.print(PROPERTIES).stream().map(PppProfiles::toProfile).toList();
	}

	public Optional<PppProfile> find(String name) {
		return this.items.findByName(name, PROPERTIES).map(PppProfiles::toProfile);
	}

	/**
	 * @return the new {@code .id}; a duplicate name is rejected with {@code DUPLICATE}
	 */
	public String add(PppProfileSpec spec) {
		var add = this.items.addCommand();
		spec.writeTo(add);
		return this.items.add(add.build());
	}

	/**
	 * Pushes a plan: sets the profile when it exists, adds it otherwise. @return true
	 * when created
	 */
	public boolean upsert(PppProfileSpec spec) {
		var add = this.items.addCommand();
		spec.writeTo(add);
		return this.items.upsertByName(spec.name(), add.build(), spec::writeTo);
	}

	/**
	 * Clears properties of a profile back to the router's defaults, e.g.
	 * {@code dns-server} when a plan no longer sets one.
	 * @return false when the profile is absent
	 */
	public boolean unset(String name, Collection<String> properties) {
		return properties.isEmpty() || this.items.unsetByName(name, properties);
	}

	/**
	 * @return false when absent; the built-in profiles are refused by the router
	 * ({@link io.towerline.mikrotik.RouterCommandRejectedException})
	 */
	public boolean remove(String name) {
		return this.items.removeByName(name);
	}

	static PppProfile toProfile(Row row) {
		return new PppProfile(row.getOrEmpty(".id"), row.getOrEmpty("name"), row.get("local-address"),
				row.get("remote-address"), row.get("rate-limit"), row.getOrEmpty("only-one"),
				duration(row.get("session-timeout")), duration(row.get("idle-timeout")), row.getOrEmpty("address-list"),
				blankAsNull(row.get("dns-server")), blankAsNull(row.get("parent-queue")), row.get("comment"),
				row.flag("default"));
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return (value == null || value.isEmpty() || value.equals("none")) ? null : value;
	}

	private static @Nullable Duration duration(@Nullable String value) {
		if (value == null || value.isEmpty() || value.equals("none")) {
			return null;
		}
		Duration duration = DurationText.parse(value);
		return duration.isZero() ? null : duration;
	}

}
