package io.towerline.mikrotik.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /system/*} and {@code /export}: resource, identity, routerboard, packages,
 * health (properties in v6, items in v7, nothing on a CHR), backup save, and the
 * configuration export as a {@code .rsc} file with CRLF lines.
 */
final class SystemMenu {

	private final SimulatorVersion version;

	private final SimulatedRouter router;

	private final LocalDateTime buildTime = LocalDateTime.of(2025, 5, 20, 9, 14, 2);

	SystemMenu(SimulatorVersion version, SimulatedRouter router) {
		this.version = version;
		this.router = router;
	}

	void register(CommandTable commands) {
		commands.register("/system/resource/print", (request, reply) -> print(List.of(resource()), request, reply));
		commands.register("/system/identity/print",
				(request, reply) -> print(List.of(Map.of("name", this.router.identity())), request, reply));
		commands.register("/system/identity/set", (request, reply) -> {
			this.router.identity(request.attributes().getOrDefault("name", this.router.identity()));
			reply.done();
		});
		commands.register("/system/routerboard/print",
				(request, reply) -> print(List.of(routerboard()), request, reply));
		commands.register("/system/package/print", (request, reply) -> print(packages(), request, reply));
		commands.register("/system/health/print", (request, reply) -> print(health(), request, reply));
		BackupCommands backups = new BackupCommands(this.router);
		commands.register("/system/backup/save", backups::save);
		commands.register("/system/backup/load", backups.load(() -> {
		}));
		commands.register("/export", this::export);
		commands.register("/import", new ScriptImport(this.router)::run);
		commands.register("/tool/fetch", new FetchTool(this.router.files())::run);
	}

	private static void print(List<Map<String, String>> items, ApiRequest request, ReplyChannel reply)
			throws InterruptedException {
		TablePrinter.print(items, request, reply);
	}

	private Map<String, String> resource() {
		Map<String, String> resource = new LinkedHashMap<>();
		resource.put("uptime", Uptime.format(this.router.uptime()));
		resource.put("version", this.version.versionString());
		resource.put("build-time", this.version.formatDate(this.buildTime));
		resource.put("factory-software", (this.version == SimulatorVersion.V6_49) ? "6.44.6" : "7.1");
		Long freeMemory = this.router.freeMemory();
		resource.put("free-memory", (freeMemory != null) ? freeMemory.toString() : "723451904");
		resource.put("total-memory", "1073741824");
		resource.put("cpu", (this.version == SimulatorVersion.V7_19) ? "QEMU" : "ARM64");
		resource.put("cpu-count", "4");
		resource.put("cpu-frequency", "1700");
		Integer cpuLoad = this.router.cpuLoad();
		resource.put("cpu-load",
				Integer.toString((cpuLoad != null) ? cpuLoad : ThreadLocalRandom.current().nextInt(3, 25)));
		resource.put("free-hdd-space", "98512896");
		resource.put("total-hdd-space", "134217728");
		if (this.version == SimulatorVersion.V6_49) {
			resource.put("write-sect-since-reboot", "5123");
			resource.put("write-sect-total", "901233");
			resource.put("bad-blocks", "0");
		}
		resource.put("architecture-name", this.version.architecture());
		resource.put("board-name", this.version.boardName());
		resource.put("platform", "MikroTik");
		return resource;
	}

	private Map<String, String> routerboard() {
		Map<String, String> board = new LinkedHashMap<>();
		board.put("routerboard", Boolean.toString(this.version.routerboard()));
		if (this.version.routerboard()) {
			board.put("board-name", this.version.boardName());
			board.put("model", this.version.model());
			board.put("serial-number", "HE10" + Integer.toHexString(this.router.identity().hashCode() & 0xFFFF));
			board.put("firmware-type", (this.version == SimulatorVersion.V6_49) ? "mt7621L" : "al2");
			board.put("factory-firmware", "6.45.9");
			board.put("current-firmware", this.version.number());
			board.put("upgrade-firmware", this.version.number());
		}
		return board;
	}

	private List<Map<String, String>> packages() {
		int id = 1;
		List<Map<String, String>> packages = new ArrayList<>();
		for (String name : this.version.packages()) {
			Map<String, String> item = new LinkedHashMap<>();
			item.put(".id", "*" + Integer.toHexString(id++).toUpperCase(Locale.ROOT));
			item.put("name", name);
			item.put("version", this.version.number());
			item.put("build-time", this.version.formatDate(this.buildTime));
			item.put("scheduled", "");
			item.put("disabled", "false");
			packages.add(item);
		}
		return packages;
	}

	private List<Map<String, String>> health() {
		if (!this.version.routerboard()) {
			return List.of();
		}
		if (!this.version.healthAsItems()) {
			return List.of(Map.of("voltage", "24.1", "temperature", "41"));
		}
		return List.of(healthItem("*1", "voltage", "24.1", "V"), healthItem("*2", "temperature", "41", "C"),
				healthItem("*3", "cpu-temperature", "52", "C"));
	}

	private static Map<String, String> healthItem(String id, String name, String value, String type) {
		Map<String, String> item = new LinkedHashMap<>();
		item.put(".id", id);
		item.put("name", name);
		item.put("value", value);
		item.put("type", type);
		return item;
	}

	private void export(ApiRequest request, ReplyChannel reply) {
		String file = request.attribute("file");
		if (file == null || file.isEmpty()) {
			// RouterOS prints the export to the console, which an API client never sees
			reply.done();
			return;
		}
		boolean showSensitive = this.version.exportHidesSensitiveByDefault() ? request.flag("show-sensitive")
				: !request.flag("hide-sensitive");
		String name = file.endsWith(".rsc") ? file : file + ".rsc";
		this.router.files().put(name, "script", this.router.exportScript(showSensitive));
		reply.done();
	}

}
