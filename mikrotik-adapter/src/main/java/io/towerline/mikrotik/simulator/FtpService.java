package io.towerline.mikrotik.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;

/**
 * The router's FTP service, as far as taking files off it goes (what RouterOS 6 needs for
 * files over 60 KB and binary backups): login with the router's users, {@code TYPE},
 * passive {@code PASV} and {@code RETR} of files in {@code /file}. It shows in
 * {@code /ip/service} as {@code ftp} with its port, and can be disabled there by the test
 * API, as an administrator would. One virtual thread per connection. Only simulators that
 * need it listen (RouterOS 6 by default), so a fleet of thousands does not hold a second
 * port each; the others show the service disabled on port 21.
 */
final class FtpService implements MenuRules {

	private final @Nullable ListeningPort listening;

	private final FileStore files;

	private final BiPredicate<String, String> users;

	private final InetAddress address;

	private final ItemTable services = new ItemTable();

	private volatile boolean enabled;

	FtpService(InetAddress address, FileStore files, BiPredicate<String, String> users, int apiPort, boolean listen)
			throws IOException {
		this.address = address;
		this.files = files;
		this.users = users;
		this.enabled = listen;
		this.listening = listen ? new ListeningPort((port) -> {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(address, port), 64);
			return server;
		}, 0, (socket) -> () -> serve(socket)) : null;
		this.services.add(service("api", apiPort), (candidate) -> null);
		this.services.add(service("ftp", (this.listening != null) ? this.listening.port() : 21), (candidate) -> null);
	}

	void register(CommandTable commands) {
		new TableMenu("/ip/service", this.services, this).registerReadOnly(commands);
	}

	int port() {
		if (this.listening == null) {
			throw new IllegalStateException("this simulator's FTP service was not started (Builder.ftp(true))");
		}
		return this.listening.port();
	}

	void enabled(boolean enabled) {
		if (enabled && this.listening == null) {
			throw new IllegalStateException("this simulator's FTP service was not started (Builder.ftp(true))");
		}
		this.enabled = enabled;
	}

	void close() {
		if (this.listening != null) {
			this.listening.stopListening();
			this.listening.dropAllConnections();
		}
	}

	@Override
	public Map<String, String> view(Map<String, String> stored) {
		if (!"ftp".equals(stored.get("name"))) {
			return stored;
		}
		Map<String, String> view = new LinkedHashMap<>(stored);
		view.put("disabled", Boolean.toString(!this.enabled));
		return view;
	}

	private static Map<String, String> service(String name, int port) {
		Map<String, String> item = new LinkedHashMap<>();
		item.put("name", name);
		item.put("port", Integer.toString(port));
		item.put("address", "");
		item.put("disabled", "false");
		return item;
	}

	private void serve(Socket socket) {
		try (socket) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			if (!this.enabled) {
				return;
			}
			reply(out, "220 MikroTik FTP server (MikroTik 6.49) ready");
			String user = null;
			boolean loggedIn = false;
			@Nullable ServerSocket passive = null;
			try {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					int space = line.indexOf(' ');
					String verb = ((space < 0) ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
					String argument = (space < 0) ? "" : line.substring(space + 1);
					switch (verb) {
						case "USER" -> {
							user = argument;
							reply(out, "331 Password required for " + argument);
						}
						case "PASS" -> {
							loggedIn = user != null && this.users.test(user, argument);
							reply(out, loggedIn ? "230 User " + user + " logged in" : "530 Login incorrect");
						}
						case "QUIT" -> {
							reply(out, "221 Closing");
							return;
						}
						default -> {
							if (!loggedIn) {
								reply(out, "530 Please login with USER and PASS");
							}
							else if (verb.equals("TYPE")) {
								reply(out, "200 Type set to " + argument);
							}
							else if (verb.equals("PASV")) {
								if (passive != null) {
									passive.close();
								}
								passive = new ServerSocket(0, 1, this.address);
								int port = passive.getLocalPort();
								reply(out,
										"227 Entering Passive Mode ("
												+ String.join(",", List.of(this.address.getHostAddress().split("\\.")))
												+ "," + (port / 256) + "," + (port % 256) + ")");
							}
							else if (verb.equals("RETR")) {
								String contents = this.files.contents(argument);
								if (contents == null || passive == null) {
									reply(out, "550 " + argument + ": no such file");
								}
								else {
									try (Socket data = passive.accept()) {
										reply(out, "150 Opening BINARY mode data connection for " + argument);
										data.getOutputStream().write(RawText.bytes(contents));
									}
									reply(out, "226 Transfer complete");
								}
							}
							else {
								reply(out, "502 Command not implemented");
							}
						}
					}
				}
			}
			finally {
				if (passive != null) {
					passive.close();
				}
			}
		}
		catch (IOException ex) {
			// the client went away, or the router "rebooted"
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	static FtpService start(InetAddress address, FileStore files, BiPredicate<String, String> users, int apiPort,
			boolean listen) {
		try {
			return new FtpService(address, files, users, apiPort, listen);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
