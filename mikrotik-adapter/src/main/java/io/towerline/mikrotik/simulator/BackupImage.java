package io.towerline.mikrotik.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The simulator's {@code .backup} file: opaque bytes to everyone but the simulator, which
 * can load it back (on this or another simulated router). Like a RouterOS backup it holds
 * the whole configuration (identity, PPP profiles and secrets), is encrypted when saved
 * with a password, and cannot be loaded with the wrong one. Padded to the size of a small
 * real backup (48 KB and more), so that reading it takes several chunks.
 *
 * <p>
 * Layout: magic {@code TLSIMBK1}, a flag byte (1 = encrypted), 12 salt bytes, then the
 * state (AES-GCM under SHA-256(salt, password) when encrypted).
 */
record BackupImage(String identity, List<Map<String, String>> profiles, List<Map<String, String>> secrets) {

	private static final byte[] MAGIC = "TLSIMBK1".getBytes(StandardCharsets.US_ASCII);

	private static final int MIN_SIZE = 48 * 1024;

	private static final SecureRandom random = new SecureRandom();

	/** The file's bytes; an empty or null password saves it unencrypted. */
	byte[] save(@Nullable String password) {
		byte[] state = state();
		byte[] salt = new byte[12];
		random.nextBytes(salt);
		boolean encrypted = password != null && !password.isEmpty();
		byte[] body = encrypted ? crypt(Cipher.ENCRYPT_MODE, password, salt, state) : state;
		ByteArrayOutputStream file = new ByteArrayOutputStream(body.length + 21);
		file.writeBytes(MAGIC);
		file.write(encrypted ? 1 : 0);
		file.writeBytes(salt);
		file.writeBytes(body);
		return file.toByteArray();
	}

	/**
	 * Reads a file saved by {@link #save}.
	 * @return null when the bytes are no backup or the password does not open them
	 */
	static @Nullable BackupImage load(byte[] file, @Nullable String password) {
		if (file.length < MAGIC.length + 13 || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
			return null;
		}
		boolean encrypted = file[MAGIC.length] == 1;
		byte[] salt = Arrays.copyOfRange(file, MAGIC.length + 1, MAGIC.length + 13);
		byte[] body = Arrays.copyOfRange(file, MAGIC.length + 13, file.length);
		try {
			if (encrypted) {
				if (password == null || password.isEmpty()) {
					return null;
				}
				body = crypt(Cipher.DECRYPT_MODE, password, salt, body);
			}
			return parse(body);
		}
		catch (IllegalStateException | IOException ex) {
			return null;
		}
	}

	private byte[] state() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(MIN_SIZE);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			writeRaw(out, this.identity);
			writeTable(out, this.profiles);
			writeTable(out, this.secrets);
			// padding: real backups carry far more than the PPP menus
			int padding = Math.max(0, MIN_SIZE - bytes.size() - 4);
			out.writeInt(padding);
			byte[] filler = new byte[padding];
			random.nextBytes(filler);
			out.write(filler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static BackupImage parse(byte[] state) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
		String identity = readRaw(in);
		List<Map<String, String>> profiles = readTable(in);
		List<Map<String, String>> secrets = readTable(in);
		return new BackupImage(identity, profiles, secrets);
	}

	private static void writeTable(DataOutputStream out, List<Map<String, String>> items) throws IOException {
		out.writeInt(items.size());
		for (Map<String, String> item : items) {
			out.writeInt(item.size());
			for (Map.Entry<String, String> property : item.entrySet()) {
				writeRaw(out, property.getKey());
				writeRaw(out, property.getValue());
			}
		}
	}

	private static List<Map<String, String>> readTable(DataInputStream in) throws IOException {
		int count = in.readInt();
		List<Map<String, String>> items = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int properties = in.readInt();
			Map<String, String> item = new LinkedHashMap<>();
			for (int p = 0; p < properties; p++) {
				item.put(readRaw(in), readRaw(in));
			}
			items.add(item);
		}
		return items;
	}

	private static void writeRaw(DataOutputStream out, String raw) throws IOException {
		byte[] bytes = RawText.bytes(raw);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readRaw(DataInputStream in) throws IOException {
		byte[] bytes = new byte[in.readInt()];
		in.readFully(bytes);
		return RawText.of(bytes, 0, bytes.length);
	}

	private static byte[] crypt(int mode, String password, byte[] salt, byte[] input) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(salt);
			byte[] key = sha.digest(password.getBytes(StandardCharsets.UTF_8));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, salt));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			// a wrong password fails the GCM tag
			throw new IllegalStateException("cannot open backup", ex);
		}
	}

}
