package io.towerline.mikrotik.interfaces;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;

/** {@code /interface}: counters and live traffic rates. */
public final class Interfaces {

	static final List<String> PROPERTIES = List.of(".id", "name", "type", "running", "disabled", "dynamic", "rx-byte",
			"tx-byte", "rx-packet", "tx-packet", "last-link-up-time");

	private static final List<String> RATES = List.of("name", "rx-bits-per-second", "tx-bits-per-second",
			"rx-packets-per-second", "tx-packets-per-second");

	private final CommandExecutor executor;

	private final MenuItems items;

	public Interfaces(CommandExecutor executor) {
		this.executor = executor;
		this.items = new MenuItems(executor, "/interface");
	}

	public List<RouterInterface> list() {
		return this.items.print(PROPERTIES).stream().map(Interfaces::toInterface).toList();
	}

	/**
	 * The interfaces of one type, filtered on the router: {@code pppoe-in} lists every
	 * PPPoE session's counters in one command.
	 */
	public List<RouterInterface> listOfType(String type) {
		return this.executor
			.execute(Command.to("/interface/print").proplist(PROPERTIES).whereEquals("type", type).build())
			.rows()
			.stream()
			.map(Interfaces::toInterface)
			.toList();
	}

	public Optional<RouterInterface> find(String name) {
		return this.items.findByName(name, PROPERTIES).map(Interfaces::toInterface);
	}

	/**
	 * The dynamic interface of a subscriber's PPPoE session, present only while the
	 * subscriber is online.
	 */
	public Optional<RouterInterface> pppoeInterface(String username) {
		return find(pppoeName(username));
	}

	/** The interface name RouterOS gives a PPPoE server session: {@code <pppoe-NAME>}. */
	public static String pppoeName(String username) {
		return "<pppoe-" + username + ">";
	}

	/** One reading per interface ({@code monitor-traffic =once=}). */
	public List<TrafficSample> monitorOnce(List<String> interfaceNames) {
		return this.executor.execute(monitorCommand(interfaceNames).flag("once").build())
			.rows()
			.stream()
			.map(Interfaces::toSample)
			.toList();
	}

	/**
	 * Streams a reading per interface every second until the returned stream is closed
	 * (which sends {@code /cancel}). Callbacks run on the stream's own thread.
	 */
	public RouterStream monitor(List<String> interfaceNames, Consumer<TrafficSample> onSample,
			Consumer<RouterException> onError) {
		return this.executor.stream(monitorCommand(interfaceNames).build(), (row) -> onSample.accept(toSample(row)),
				onError);
	}

	private static Command.Builder monitorCommand(List<String> interfaceNames) {
		if (interfaceNames.isEmpty()) {
			throw new IllegalArgumentException("monitor-traffic needs at least one interface");
		}
		for (String name : interfaceNames) {
			if (name.contains(",")) {
				throw new IllegalArgumentException("an interface name with a comma cannot be monitored: " + name);
			}
		}
		return Command.to("/interface/monitor-traffic")
			.with("interface", String.join(",", interfaceNames))
			.proplist(RATES);
	}

	static RouterInterface toInterface(Row row) {
		return new RouterInterface(row.getOrEmpty(".id"), row.getOrEmpty("name"), row.getOrEmpty("type"),
				row.flag("running"), row.flag("disabled"), row.flag("dynamic"), row.number("rx-byte"),
				row.number("tx-byte"), row.number("rx-packet"), row.number("tx-packet"),
				RouterCapabilities.parseDate(row.get("last-link-up-time")));
	}

	static TrafficSample toSample(Row row) {
		return new TrafficSample(row.getOrEmpty("name"), row.number("rx-bits-per-second"),
				row.number("tx-bits-per-second"), row.number("rx-packets-per-second"),
				row.number("tx-packets-per-second"));
	}

}
