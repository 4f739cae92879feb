package io.towerline.mikrotik.simulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code /system/backup/save} and {@code /system/backup/load}: a save writes a
 * {@link BackupImage} of the router's configuration to {@code NAME.backup}; a load puts
 * the saved identity, PPP profiles and secrets back and then "reboots" (every connection
 * drops and every PPP session ends), as RouterOS does.
 */
final class BackupCommands {

	private final SimulatedRouter router;

	BackupCommands(SimulatedRouter router) {
		this.router = router;
	}

	void save(ApiRequest request, ReplyChannel reply) {
		String name = request.attributes().getOrDefault("name", this.router.identity());
		boolean dontEncrypt = request.flag("dont-encrypt");
		String password = dontEncrypt ? null : request.attribute("password");
		BackupImage image = new BackupImage(this.router.identity(), withoutIds(this.router.profiles().snapshot()),
				withoutIds(this.router.secrets().snapshot()));
		byte[] backup = image.save(password);
		String file = name.endsWith(".backup") ? name : name + ".backup";
		this.router.files().put(file, "backup", RawText.of(backup, 0, backup.length));
		reply.done();
	}

	/**
	 * The load command; {@code reboot} runs once the reply is on its way.
	 */
	SimulatedCommand load(Runnable reboot) {
		return (request, reply) -> {
			String name = request.attribute("name");
			String raw = (name != null) ? this.router.files().contents(name) : null;
			if (raw == null) {
				reply.fail(1, "no such file");
				return;
			}
			BackupImage image = BackupImage.load(RawText.bytes(raw), request.attribute("password"));
			if (image == null) {
				reply.fail(null, "failure: wrong password or not a backup file");
				return;
			}
			replace(this.router.profiles(), image.profiles());
			replace(this.router.secrets(), image.secrets());
			this.router.identity(image.identity());
			reply.done();
			reboot.run();
		};
	}

	private static void replace(ItemTable table, List<Map<String, String>> items) {
		for (Map<String, String> item : table.snapshot()) {
			table.remove(item.get(".id"));
		}
		for (Map<String, String> item : items) {
			table.add(item, BackupCommands::accept);
		}
	}

	private static @Nullable String accept(Map<String, String> item) {
		return null;
	}

	private static List<Map<String, String>> withoutIds(List<Map<String, String>> items) {
		items.forEach((item) -> item.remove(".id"));
		return items;
	}

}
