package io.towerline.mikrotik.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.RouterOsVersion;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.DurationText;
import io.towerline.mikrotik.command.Row;

/** {@code /system/*} reads, and setting the identity. */
public final class SystemInfo {

	private static final List<String> RESOURCE = List.of("version", "uptime", "cpu-load", "cpu-count", "free-memory",
			"total-memory", "free-hdd-space", "total-hdd-space", "architecture-name", "board-name");

	/** v6 reports health as properties; these are the usual ones and their units. */
	private static final Map<String, String> V6_UNITS = Map.of("voltage", "V", "temperature", "C", "cpu-temperature",
			"C", "power-consumption", "W", "current", "A", "fan1-speed", "RPM", "fan2-speed", "RPM", "psu1-voltage",
			"V", "psu2-voltage", "V", "board-temperature1", "C");

	private final CommandExecutor executor;

	public SystemInfo(CommandExecutor executor) {
		this.executor = executor;
	}

	public SystemResource resource() {
		Row row = single(Command.to("/system/resource/print").proplist(RESOURCE).build());
		return new SystemResource(RouterOsVersion.parse(row.getOrEmpty("version")),
				DurationText.parse(row.getOrEmpty("uptime")), (int) row.number("cpu-load"),
				(int) row.number("cpu-count"), row.number("free-memory"), row.number("total-memory"),
				row.number("free-hdd-space"), row.number("total-hdd-space"), row.getOrEmpty("architecture-name"),
				row.getOrEmpty("board-name"));
	}

	public String identity() {
		return single(Command.to("/system/identity/print").build()).getOrEmpty("name");
	}

	public void setIdentity(String name) {
		this.executor.execute(Command.to("/system/identity/set").with("name", name).build());
	}

	public RouterBoard routerboard() {
		Row row = single(Command.to("/system/routerboard/print").build());
		return new RouterBoard(row.flag("routerboard"), row.get("model"), row.get("serial-number"),
				row.get("current-firmware"), row.get("upgrade-firmware"));
	}

	public List<InstalledPackage> packages() {
		return this.executor
			.execute(Command.to("/system/package/print").proplist(List.of("name", "version", "disabled")).build())
			.rows()
			.stream()
			.map((row) -> new InstalledPackage(row.getOrEmpty("name"), row.getOrEmpty("version"), row.flag("disabled")))
			.toList();
	}

	/** Sensor readings; empty on routers without sensors (CHR). */
	public List<HealthReading> health() {
		List<Row> rows = this.executor.execute(Command.to("/system/health/print").build()).rows();
		List<HealthReading> readings = new ArrayList<>();
		for (Row row : rows) {
			if (row.has("value") && row.has("name")) {
				readings
					.add(new HealthReading(row.getOrEmpty("name"), row.getOrEmpty("value"), row.getOrEmpty("type")));
			}
			else {
				row.attributes().forEach((name, value) -> {
					if (!name.startsWith(".")) {
						readings.add(new HealthReading(name, value, V6_UNITS.getOrDefault(name, "")));
					}
				});
			}
		}
		return readings;
	}

	private Row single(Command command) {
		List<Row> rows = this.executor.execute(command).rows();
		return rows.isEmpty() ? Row.empty() : rows.get(0);
	}

}
