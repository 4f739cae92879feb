package io.towerline.core.subscriber;

import java.util.List;

import io.towerline.core.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * PPPoE usernames and passwords reach the router exactly as given or are refused with a
 * field error: never trimmed, never re-encoded.
 */
class PppoeUsernameTests {

	static final List<String> REFUSED_PASSWORDS = List.of("pa\uD800ss", "pa\uDC00ss", "pass\uD800", "\uDC00\uD800pass",
			"café-pass", "пароль-1", "pass🙂word", "pass\u00A0word", " leading", "trailing ", "\tpass1", "pass1\n",
			"pa\u0000ss", "pa\u007Fss", "abc", "x".repeat(65));

	static final List<String> ACCEPTED_PASSWORDS = List.of("pass", "pa ss word", "pa\"ss='word",
			"!#$%&()*+,-./:;<=>?@[\\]^_`{|}~", "x".repeat(64));

	static final List<String> REFUSED_USERNAMES = List.of(" alice", "alice ", "\talice", "alice\u00A0", "al ice", "",
			"-alice", "alicé", "al\uD800ice", "a".repeat(65));

	static final List<String> ACCEPTED_USERNAMES = List.of("alice", "a.b_c@isp+x-1", "A1", "a".repeat(64));

	@ParameterizedTest
	@FieldSource("REFUSED_PASSWORDS")
	void shouldRefuseAPasswordThatCannotReachTheRouterUnchanged(String password) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> PppoeUsername.password(password))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("password")));
	}

	@ParameterizedTest
	@FieldSource("ACCEPTED_PASSWORDS")
	void shouldKeepAnAcceptedPasswordExactly(String password) {
		assertThat(PppoeUsername.password(password)).isSameAs(password);
	}

	@ParameterizedTest
	@FieldSource("REFUSED_USERNAMES")
	void shouldRefuseAUsernameInsteadOfChangingIt(String username) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> PppoeUsername.of(username))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("username")));
	}

	@ParameterizedTest
	@FieldSource("ACCEPTED_USERNAMES")
	void shouldKeepAnAcceptedUsernameExactly(String username) {
		assertThat(PppoeUsername.of(username)).isSameAs(username);
	}

}
