package io.towerline.mikrotik.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.towerline.mikrotik.RouterFileTransferException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.credentials.UsernamePassword;

/**
 * Takes a file off a router through the router's own FTP service, with the router's API
 * login: the only way RouterOS 6 hands over a file the API cannot carry (over 60 KB, or
 * binary), since its {@code /tool/fetch} uploads only over FTP/SFTP and it has no
 * {@code /file/read}. Passive mode, binary type; the data connection goes to the router's
 * address as the platform knows it (the address in the PASV reply may be a private one
 * behind NAT). Streams into the caller's output, never the whole file in memory.
 */
public final class FtpRetrieval {

	private static final Pattern PASSIVE = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");

	private final String host;

	private final Supplier<UsernamePassword> login;

	private final Duration timeout;

	/**
	 * @param host the router's address
	 * @param login the router's API login: a copy per transfer, wiped after it
	 * @param timeout connect and read timeout
	 */
	public FtpRetrieval(String host, Supplier<UsernamePassword> login, Duration timeout) {
		this.host = host;
		this.login = login;
		this.timeout = timeout;
	}

	/**
	 * Streams {@code name} from the router's FTP service on {@code port} into
	 * {@code out}.
	 * @param router the router as {@code host:port}, for errors
	 * @return false when the router has no such file
	 * @throws RouterUnreachableException when the FTP service cannot be reached
	 * @throws RouterFileTransferException when it refuses the login or the transfer
	 */
	public boolean retrieve(String router, int port, String name, OutputStream out) {
		int millis = (int) this.timeout.toMillis();
		try (Socket control = new Socket()) {
			control.connect(new InetSocketAddress(this.host, port), millis);
			control.setSoTimeout(millis);
			BufferedReader replies = new BufferedReader(
					new InputStreamReader(control.getInputStream(), StandardCharsets.ISO_8859_1));
			Writer commands = new OutputStreamWriter(control.getOutputStream(), StandardCharsets.ISO_8859_1);
			expect(router, reply(replies), 220, "greeting");
			logIn(router, replies, commands);
			expect(router, send(commands, replies, "TYPE I"), 200, "TYPE I");
			Reply passive = send(commands, replies, "PASV");
			expect(router, passive, 227, "PASV");
			Matcher address = PASSIVE.matcher(passive.text());
			if (!address.find()) {
				throw new RouterFileTransferException(router, "the FTP service answered PASV without an address", null);
			}
			int dataPort = Integer.parseInt(address.group(5)) * 256 + Integer.parseInt(address.group(6));
			try (Socket data = new Socket()) {
				data.connect(new InetSocketAddress(this.host, dataPort), millis);
				data.setSoTimeout(millis);
				Reply retrieve = send(commands, replies, "RETR " + name);
				if (retrieve.code() == 550) {
					return false;
				}
				if (retrieve.code() != 150 && retrieve.code() != 125) {
					throw refused(router, "RETR", retrieve);
				}
				try (InputStream in = data.getInputStream()) {
					in.transferTo(out);
				}
			}
			expect(router, reply(replies), 226, "the end of the transfer");
			send(commands, replies, "QUIT");
			return true;
		}
		catch (ConnectException | SocketTimeoutException ex) {
			throw new RouterUnreachableException(router, RouterUnreachableException.Reason.CONNECT_FAILED,
					"FTP service on port " + port + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new RouterUnreachableException(router, RouterUnreachableException.Reason.CONNECTION_LOST,
					"FTP transfer of " + name + ": " + ex.getMessage(), ex);
		}
	}

	private void logIn(String router, BufferedReader replies, Writer commands) throws IOException {
		UsernamePassword credentials = this.login.get();
		char[] password = credentials.password();
		try {
			Reply user = send(commands, replies, "USER " + credentials.username());
			if (user.code() == 331) {
				commands.write("PASS ");
				commands.write(password);
				commands.write("\r\n");
				commands.flush();
				user = reply(replies);
			}
			if (user.code() != 230) {
				throw refused(router, "the login", user);
			}
		}
		finally {
			Arrays.fill(password, '\0');
			credentials.wipe();
		}
	}

	private static Reply send(Writer commands, BufferedReader replies, String command) throws IOException {
		commands.write(command + "\r\n");
		commands.flush();
		return reply(replies);
	}

	/** One reply, multi-line ones ({@code 123-...} up to {@code 123 ...}) read whole. */
	private static Reply reply(BufferedReader replies) throws IOException {
		String line = replies.readLine();
		if (line == null || line.length() < 3) {
			throw new IOException("the FTP service closed the connection");
		}
		int code = Integer.parseInt(line.substring(0, 3));
		StringBuilder text = new StringBuilder(line);
		if (line.length() > 3 && line.charAt(3) == '-') {
			String end = line.substring(0, 3) + " ";
			do {
				line = replies.readLine();
				if (line == null) {
					throw new IOException("the FTP service closed the connection");
				}
				text.append('\n').append(line);
			}
			while (!line.startsWith(end));
		}
		return new Reply(code, text.toString());
	}

	private static void expect(String router, Reply reply, int code, String what) {
		if (reply.code() != code) {
			throw refused(router, what, reply);
		}
	}

	private static RouterFileTransferException refused(String router, String what, Reply reply) {
		return new RouterFileTransferException(router,
				"the FTP service refused " + what + " (" + reply.text().lines().findFirst().orElse("") + ")", null);
	}

	private record Reply(int code, String text) {

	}

}
