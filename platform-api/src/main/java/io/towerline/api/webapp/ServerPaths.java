package io.towerline.api.webapp;

import java.util.List;

/**
 * The paths that belong to the server, never to the app's client-side routes: an unknown
 * path under one of them is a 404, not the app's {@code index.html}.
 */
final class ServerPaths {

	private static final List<String> PREFIXES = List.of("graphql", "graphql-ws", "oauth2", "login", "logout",
			".well-known", "actuator", "local", "userinfo", "connect", "config.json", "assets", "error");

	private ServerPaths() {
	}

	/**
	 * Whether a request path (without the context path) is the server's.
	 * @param path the path, with or without its leading slash
	 * @return whether it must never fall back to the app
	 */
	static boolean isServerPath(String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		String first = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
		return PREFIXES.contains(first);
	}

	/**
	 * Whether a path names a file (its last segment has an extension): a missing file is
	 * a 404, never the app.
	 * @param path the path
	 * @return whether the last segment has a dot
	 */
	static boolean namesFile(String path) {
		String last = path.substring(path.lastIndexOf('/') + 1);
		return last.contains(".");
	}

}
