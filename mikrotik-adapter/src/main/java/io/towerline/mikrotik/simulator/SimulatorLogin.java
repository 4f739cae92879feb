package io.towerline.mikrotik.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /login}: the plain post-6.43 flow, and optionally the pre-6.43 challenge
 * ({@code !done =ret=<hex>}, then
 * {@code =response=00<md5(0x00 + password + challenge)>}). Wrong credentials get the real
 * router's trap.
 */
final class SimulatorLogin {

	static final String BAD_CREDENTIALS = "invalid user name or password (6)";

	private final Map<String, String> users;

	private final boolean legacyChallenge;

	private final SecureRandom random = new SecureRandom();

	private volatile byte[] challenge = new byte[0];

	SimulatorLogin(Map<String, String> users, boolean legacyChallenge) {
		this.users = new ConcurrentHashMap<>(users);
		this.legacyChallenge = legacyChallenge;
	}

	/** Answers one {@code /login} sentence; true once the session is logged in. */
	boolean handle(ApiRequest request, ReplyChannel reply) {
		String name = request.attribute("name");
		String response = request.attribute("response");
		if (response != null && name != null) {
			return finish(reply, response.equals(expectedResponse(name)));
		}
		if (this.legacyChallenge || name == null) {
			this.challenge = new byte[16];
			this.random.nextBytes(this.challenge);
			reply.done(Map.of("ret", HexFormat.of().formatHex(this.challenge)));
			return false;
		}
		String password = request.attributes().getOrDefault("password", "");
		return finish(reply, password.equals(this.users.get(name)));
	}

	/** Whether a user (raw name and password) may log in, for the FTP service. */
	boolean accepts(String name, String password) {
		return password.equals(this.users.get(name));
	}

	private boolean finish(ReplyChannel reply, boolean accepted) {
		if (accepted) {
			reply.done();
		}
		else {
			reply.fail(null, BAD_CREDENTIALS);
		}
		return accepted;
	}

	private String expectedResponse(String rawName) {
		String password = this.users.get(rawName);
		if (password == null || this.challenge.length == 0) {
			return "\u0000no-challenge";
		}
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			md5.update((byte) 0);
			md5.update(password.getBytes(StandardCharsets.ISO_8859_1));
			md5.update(this.challenge);
			return "00" + HexFormat.of().formatHex(md5.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required by every JDK", ex);
		}
	}

}
