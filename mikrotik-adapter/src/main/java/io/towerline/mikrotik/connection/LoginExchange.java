package io.towerline.mikrotik.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.wire.RouterText;
import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceReader;
import io.towerline.mikrotik.wire.SentenceWriter;

/**
 * {@code /login} before the reader starts: plain credentials (RouterOS 6.43+), and the
 * MD5 challenge when the router answers with {@code =ret=} (older routers). Credentials
 * are written as words, never through a command string, and the password bytes are wiped
 * once sent.
 */
final class LoginExchange {

	private final SentenceReader in;

	private final OutputStream out;

	private final String router;

	LoginExchange(SentenceReader in, OutputStream out, String router) {
		this.in = in;
		this.out = out;
		this.router = router;
	}

	void login(String username, char[] password) throws IOException {
		byte[] secret = utf8(password);
		try {
			Map<String, String> done = exchange(
					List.of(word("/login"), word("=name=" + username), concat(word("=password="), secret)));
			String challenge = done.get("ret");
			if (challenge != null) {
				exchange(List.of(word("/login"), word("=name=" + username),
						word("=response=00" + challengeResponse(secret, challenge))));
			}
		}
		finally {
			Arrays.fill(secret, (byte) 0);
		}
	}

	private Map<String, String> exchange(List<byte[]> words) throws IOException {
		byte[] bytes = SentenceWriter.encode(Sentence.ofWords(words));
		this.out.write(bytes);
		this.out.flush();
		Arrays.fill(bytes, (byte) 0);
		words.forEach((word) -> Arrays.fill(word, (byte) 0));
		String trap = null;
		while (true) {
			Sentence reply = this.in.read();
			if (reply == null) {
				throw new RouterUnreachableException(this.router, RouterUnreachableException.Reason.CONNECTION_LOST,
						"connection closed during login", null);
			}
			switch (reply.first()) {
				case "!trap" -> trap = reply.attributes().getOrDefault("message", "login failed");
				case "!fatal" -> throw new RouterUnreachableException(this.router,
						RouterUnreachableException.Reason.SESSION_TERMINATED,
						"router ended the session during login: " + String.join(" ", reply.bareWords()), null);
				case "!done" -> {
					if (trap != null) {
						throw new RouterAuthenticationException(this.router, trap);
					}
					return reply.attributes();
				}
				case "!re", "!empty" -> {
					// nothing to use in a login reply
				}
				default -> throw new RouterProtocolException(this.router,
						"unexpected reply to /login: " + reply.first(), null);
			}
		}
	}

	private static String challengeResponse(byte[] password, String challengeHex) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			md5.update((byte) 0);
			md5.update(password);
			md5.update(HexFormat.of().parseHex(challengeHex));
			return HexFormat.of().formatHex(md5.digest());
		}
		catch (NoSuchAlgorithmException | IllegalArgumentException ex) {
			throw new IllegalStateException("cannot answer the login challenge", ex);
		}
	}

	private static byte[] utf8(char[] password) {
		ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
		byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
		Arrays.fill(buffer.array(), (byte) 0);
		return bytes;
	}

	private static byte[] word(String text) {
		return RouterText.encode(text);
	}

	private static byte[] concat(byte[] prefix, byte[] value) {
		byte[] word = Arrays.copyOf(prefix, prefix.length + value.length);
		System.arraycopy(value, 0, word, prefix.length, value.length);
		return word;
	}

}
