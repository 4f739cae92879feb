package io.towerline.mikrotik.ppp;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.towerline.mikrotik.BatchResult;
import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;

/**
 * {@code /ppp/secret}: the subscribers' PPP logins. Everything is addressed by name; the
 * write operations are idempotent-friendly (a missing name is reported as {@code false},
 * not as an error) so durable jobs can repeat them safely. Bulk operations pipeline over
 * one connection.
 */
public final class PppSecrets {

	static final List<String> PROPERTIES = List.of(".id", "name", "password", "service", "profile", "caller-id",
			"local-address", "remote-address", "disabled", "comment", "last-logged-out", "last-caller-id",
			"last-disconnect-reason");

	private final MenuItems items;

	public PppSecrets(CommandExecutor executor) {
		this.items = new MenuItems(executor, "/ppp/secret");
	}

	/** All secrets, only the properties the record holds. */
	public List<PppSecret> list() {
		return this.items.print(PROPERTIES).stream().map(PppSecrets::toSecret).toList();
	}

	public Optional<PppSecret> find(String name) {
		return this.items.findByName(name, PROPERTIES).map(PppSecrets::toSecret);
	}

	/** Counted on the router; nothing but the number crosses the wire. */
	public long count() {
		return this.items.count();
	}

	/**
	 * Creates a secret.
	 * @return the new {@code .id}
	 * @throws io.towerline.mikrotik.RouterCommandRejectedException with {@code DUPLICATE}
	 * when the name exists, {@code UNKNOWN_PROFILE} when the profile does not
	 */
	public String add(PppSecretSpec spec) {
		return this.items.add(addCommand(spec));
	}

	/**
	 * Makes the router match the spec: sets every property when the name exists, adds it
	 * otherwise.
	 * @return true when it was created
	 */
	public boolean upsert(PppSecretSpec spec) {
		return this.items.upsertByName(spec.name(), addCommand(spec), spec::writeTo);
	}

	/**
	 * @return false when there is no secret of that name
	 */
	public boolean update(String name, PppSecretChange change) {
		return this.items.setByName(name, change::writeTo);
	}

	/**
	 * @return false when there was no secret of that name (the desired end state holds
	 * either way)
	 */
	public boolean remove(String name) {
		return this.items.removeByName(name);
	}

	public boolean enable(String name) {
		return this.items.enableByName(name, true);
	}

	public boolean disable(String name) {
		return this.items.enableByName(name, false);
	}

	/**
	 * Adds many secrets pipelined over one connection; each item reports its own outcome.
	 */
	public BatchResult<PppSecretSpec> addAll(List<PppSecretSpec> specs) {
		return this.items.addAll(specs, specs.stream().map(this::addCommand).toList());
	}

	/**
	 * Removes many secrets by name with one lookup and a pipelined batch; absent names
	 * succeed.
	 */
	public BatchResult<String> removeAll(Collection<String> names) {
		return this.items.removeAll(names);
	}

	private Command addCommand(PppSecretSpec spec) {
		Command.Builder add = this.items.addCommand();
		spec.writeTo(add);
		return add.build();
	}

	static PppSecret toSecret(Row row) {
		return new PppSecret(row.getOrEmpty(".id"), row.getOrEmpty("name"), row.getOrEmpty("password"),
				PppService.fromRouter(row.getOrEmpty("service")), row.getOrEmpty("profile"),
				row.getOrEmpty("caller-id"), row.get("local-address"), row.get("remote-address"), row.flag("disabled"),
				row.get("comment"), RouterCapabilities.parseDate(row.get("last-logged-out")),
				row.getOrEmpty("last-caller-id"), row.getOrEmpty("last-disconnect-reason"));
	}

}
