package io.towerline.core.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * The embedded mode's SMTP server: a real one (GreenMail) on loopback that keeps every
 * message it accepts in memory, so a walkthrough can read notices without an outside
 * service. It keeps its port across {@link #stop()} and {@link #start()}.
 */
public class EmbeddedMailServer implements AutoCloseable {

	/**
	 * Header naming the tenant of a message, by which caught mail is shown per tenant.
	 */
	public static final String TENANT_HEADER = "X-Towerline-Tenant";

	private static @Nullable EmbeddedMailServer shared;

	private final int port;

	private final boolean sharedInJvm;

	private @Nullable GreenMail server;

	EmbeddedMailServer(int port) {
		this(port, false);
	}

	private EmbeddedMailServer(int port, boolean sharedInJvm) {
		this.port = (port != 0) ? port : freePort();
		this.sharedInJvm = sharedInJvm;
	}

	/**
	 * The server on any free port, one per JVM: application contexts in one JVM (test
	 * contexts) behave like replicas pointing at one relay, so a stopped server is down
	 * for all of them.
	 */
	static synchronized EmbeddedMailServer onAnyPort() {
		if (shared == null) {
			shared = new EmbeddedMailServer(0, true);
		}
		shared.start();
		return shared;
	}

	/** Stops the server when its context closes, unless other contexts share it. */
	void release() {
		if (!this.sharedInJvm) {
			stop();
		}
	}

	public int port() {
		return this.port;
	}

	public synchronized void start() {
		if (this.server == null) {
			GreenMail mail = new GreenMail(new ServerSetup(this.port, InetAddress.getLoopbackAddress().getHostAddress(),
					ServerSetup.PROTOCOL_SMTP));
			mail.start();
			this.server = mail;
		}
	}

	/** Stops accepting mail (connections are refused) and forgets what it caught. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	public synchronized boolean running() {
		return this.server != null;
	}

	/** The messages caught for {@code tenant}, oldest first. */
	public synchronized List<CaughtMail> caught(String tenant) {
		if (this.server == null) {
			return List.of();
		}
		return Arrays.stream(this.server.getReceivedMessages())
			.map(EmbeddedMailServer::read)
			.filter((mail) -> tenant.equals(mail.tenant()))
			.toList();
	}

	@Override
	public void close() {
		stop();
	}

	private static CaughtMail read(MimeMessage message) {
		try {
			Object content = message.getContent();
			return new CaughtMail(message.getMessageID(), message.getHeader(TENANT_HEADER, null),
					String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
					message.getSubject(), (content instanceof String text) ? text : String.valueOf(content));
		}
		catch (MessagingException | IOException ex) {
			return new CaughtMail(null, null, "", "(unreadable: " + ex.getMessage() + ")", "");
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One message the embedded server caught.
	 *
	 * @param messageId its Message-ID header
	 * @param tenant the tenant that sent it
	 * @param to the recipients
	 * @param subject the subject
	 * @param body the text
	 */
	public record CaughtMail(@Nullable String messageId, @Nullable String tenant, String to, @Nullable String subject,
			String body) {

	}

}
