package io.towerline.mikrotik.credentials;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The plaintext layout sealed by the local vault: a 2-byte username length, the username
 * and the password, all UTF-8. Intermediate buffers are wiped so the password does not
 * linger in heap copies longer than needed.
 */
final class CredentialCodec {

	private CredentialCodec() {
	}

	static byte[] encode(UsernamePassword credentials) {
		byte[] username = credentials.username().getBytes(StandardCharsets.UTF_8);
		char[] password = credentials.password();
		ByteBuffer passwordBytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
		Arrays.fill(password, '\0');
		byte[] plain = new byte[2 + username.length + passwordBytes.remaining()];
		plain[0] = (byte) (username.length >> 8);
		plain[1] = (byte) username.length;
		System.arraycopy(username, 0, plain, 2, username.length);
		passwordBytes.get(plain, 2 + username.length, passwordBytes.remaining());
		Arrays.fill(passwordBytes.array(), (byte) 0);
		return plain;
	}

	static UsernamePassword decode(byte[] plain) {
		try {
			int usernameLength = ((plain[0] & 0xFF) << 8) | (plain[1] & 0xFF);
			String username = new String(plain, 2, usernameLength, StandardCharsets.UTF_8);
			CharBuffer password = StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(plain, 2 + usernameLength, plain.length - 2 - usernameLength));
			char[] chars = Arrays.copyOfRange(password.array(), password.position(), password.limit());
			Arrays.fill(password.array(), '\0');
			UsernamePassword credentials = new UsernamePassword(username, chars);
			Arrays.fill(chars, '\0');
			return credentials;
		}
		catch (CharacterCodingException | IndexOutOfBoundsException ex) {
			throw new CredentialVaultException("sealed credentials are malformed", ex);
		}
		finally {
			Arrays.fill(plain, (byte) 0);
		}
	}

}
