package io.towerline.core.audit;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a command acted on, as the command log names it: a subscriber (their PPP secret or
 * session, or their password revealed), or another item of the router by its kind and
 * name. Read from the command's menu and parameters, so a profile's, pool's or file's
 * name is never taken for a subscriber's; a command on no one named item (a full print,
 * the session stream, a platform check) has none.
 *
 * @param kind what sort of item
 * @param name its name on the router (a subscriber's: their user name)
 */
public record CommandTarget(Kind kind, String name) {

	/** The sorts of item the platform's commands act on. */
	public enum Kind {

		/** A subscriber: their PPP secret, their session, or their password revealed. */
		SUBSCRIBER,
		/** A PPP profile (a plan on the router). */
		PROFILE,
		/** An IP address pool. */
		POOL,
		/** A network interface (a session's, for live traffic). */
		INTERFACE,
		/** A file on the router: a backup, an export, a download. */
		FILE,
		/** The router's own name (its system identity). */
		IDENTITY

	}

	/**
	 * Each menu (a path ending in {@code /}) or exact command, the kind of its items and
	 * the parameters that name one, first match wins.
	 */
	private static final List<Menu> MENUS = List.of(new Menu("/ppp/secret/", Kind.SUBSCRIBER, "name"),
			new Menu("/ppp/active/", Kind.SUBSCRIBER, "name"),
			new Menu("platform:reveal-password", Kind.SUBSCRIBER, "name"),
			new Menu("/ppp/profile/", Kind.PROFILE, "name"), new Menu("/ip/pool/", Kind.POOL, "name"),
			new Menu("/interface/", Kind.INTERFACE, "interface", "name"), new Menu("/file/", Kind.FILE, "file", "name"),
			new Menu("/system/backup/", Kind.FILE, "name"), new Menu("/export", Kind.FILE, "file"),
			new Menu("/import", Kind.FILE, "file-name"), new Menu("/tool/fetch", Kind.FILE, "dst-path"),
			new Menu("/system/identity/", Kind.IDENTITY, "name"));

	/**
	 * What {@code action} with {@code parameters} acted on.
	 * @param subject the subscriber the work was for (the command context's), which names
	 * a subscriber command sent by item id alone (a kick); ignored for any other kind
	 */
	public static @Nullable CommandTarget of(String action, Map<String, String> parameters, @Nullable String subject) {
		for (Menu menu : MENUS) {
			if (menu.matches(action)) {
				String name = (menu.kind() == Kind.SUBSCRIBER && subject != null && !subject.isBlank()) ? subject
						: menu.nameIn(parameters);
				return (name != null) ? new CommandTarget(menu.kind(), name) : null;
			}
		}
		return null;
	}

	/** The subscriber's user name when the target is a subscriber, else null. */
	public static @Nullable String subscriberOf(@Nullable CommandTarget target) {
		return (target != null && target.kind() == Kind.SUBSCRIBER) ? target.name() : null;
	}

	private record Menu(String path, Kind kind, String... naming) {

		boolean matches(String action) {
			return this.path.endsWith("/") ? action.startsWith(this.path) : action.equals(this.path);
		}

		/** A naming parameter's value, or the value an exact-match query asks for. */
		@Nullable String nameIn(Map<String, String> parameters) {
			for (String key : this.naming) {
				String value = parameters.get(key);
				if (value != null && !value.isBlank()) {
					return value;
				}
			}
			for (String key : this.naming) {
				String query = "?=" + key + "=";
				for (String word : parameters.keySet()) {
					if (word.startsWith(query) && word.length() > query.length()) {
						return word.substring(query.length());
					}
				}
			}
			return null;
		}

	}

}
