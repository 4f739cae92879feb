package io.towerline.mikrotik.files;

import java.util.Optional;

import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterTimeoutException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.wire.RouterText;
import org.jspecify.annotations.Nullable;

/**
 * Binary backups ({@code /system/backup/save}) and text exports ({@code /export =file=}),
 * which land in {@code /file} and are fetched with {@link Files#read}. Exports hide
 * passwords unless asked, on every version: the flag is chosen from the router's
 * capabilities (v6 shows them by default, v7 hides them).
 */
public final class Backups {

	private final CommandExecutor executor;

	private final Files files;

	public Backups(CommandExecutor executor, Files files) {
		this.executor = executor;
		this.files = files;
	}

	/**
	 * Saves {@code NAME.backup} on the router.
	 * @param encryptionPassword encrypts the backup; null saves it unencrypted
	 * @return the backup file's name
	 */
	public String saveBackup(String name, char @Nullable [] encryptionPassword) {
		Command.Builder save = Command.to("/system/backup/save").with("name", name);
		if (encryptionPassword != null) {
			save.withSecret("password", new String(encryptionPassword));
		}
		else {
			save.with("dont-encrypt", "yes");
		}
		this.executor.execute(save.build());
		return name + ".backup";
	}

	/**
	 * Exports the configuration to {@code NAME.rsc} on the router.
	 * @param includeSensitive whether passwords and keys appear in the script
	 * @return the export file's name
	 */
	public String export(String name, boolean includeSensitive) {
		Command.Builder export = Command.to("/export").with("file", name);
		boolean hiddenByDefault = this.executor.capabilities().exportHidesSensitiveByDefault();
		if (includeSensitive && hiddenByDefault) {
			export.flag("show-sensitive");
		}
		else if (!includeSensitive && !hiddenByDefault) {
			export.flag("hide-sensitive");
		}
		this.executor.execute(export.build());
		return name.endsWith(".rsc") ? name : name + ".rsc";
	}

	/**
	 * Exports and reads the script back; line endings are kept as the router wrote them
	 * (CRLF).
	 */
	public String exportText(String name, boolean includeSensitive) {
		String file = export(name, includeSensitive);
		Optional<byte[]> contents = this.files.read(file);
		return RouterText.decode(contents.orElseThrow(() -> new RouterProtocolException(this.executor.router(),
				"export reported success but " + file + " does not exist", null)));
	}

	/**
	 * Loads {@code NAME.backup} with {@code /system/backup/load}: the router replaces its
	 * whole configuration and reboots, so the connection drops right after (or instead
	 * of) the reply. A connection lost here is the expected outcome, not a failure; the
	 * caller checks the router once it is back.
	 */
	public void loadBackup(String fileName, char @Nullable [] password) {
		Command.Builder load = Command.to("/system/backup/load").with("name", fileName);
		if (password != null) {
			load.withSecret("password", new String(password));
		}
		try {
			this.executor.execute(load.build());
		}
		catch (RouterUnreachableException | RouterProtocolException | RouterTimeoutException ex) {
			// the reboot cut the connection before or after the reply
		}
	}

	/**
	 * Runs a script file ({@code /import file-name=}), the way an export is re-applied.
	 * RouterOS stops at the first failing line and reports it.
	 */
	public void importScript(String fileName) {
		this.executor.execute(Command.to("/import").with("file-name", fileName).build());
	}

}
