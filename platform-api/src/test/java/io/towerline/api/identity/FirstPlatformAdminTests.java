package io.towerline.api.identity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The first platform admin's generated password reaches the console once and no log. */
@ExtendWith(OutputCaptureExtension.class)
class FirstPlatformAdminTests {

	private final UserDirectory users = mock(UserDirectory.class);

	private final UserAccount admin = mock(UserAccount.class);

	@Test
	void shouldPrintAGeneratedPasswordOnceToTheConsoleOnly(CapturedOutput logs) {
		String printed = printedWithAGeneratedPassword();
		assertThat(printed).contains("user name: admin").containsOnlyOnce("generated-secret-123");
		assertThat(logs.getAll()).contains("Created the first platform admin 'admin'")
			.doesNotContain("generated-secret-123");
	}

	@Test
	void shouldSendTheAdminToTheWebAppNotToTheBareLoginForm() {
		// signed in at the bare form, the browser had nowhere to go back to and the web
		// app (on 127.0.0.1) asked for the password a second time
		assertThat(printedWithAGeneratedPassword()).contains("sign in at http://localhost:8080/\n")
			.doesNotContain("/login");
	}

	private String printedWithAGeneratedPassword() {
		given(this.admin.username()).willReturn("admin");
		given(this.users.createFirstPlatformAdmin("admin", "admin@localhost", null))
			.willReturn(Optional.of(new Issued<>(this.admin, "generated-secret-123")));
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		new FirstPlatformAdmin(this.users, properties(null), new PrintStream(console, true, StandardCharsets.UTF_8))
			.run(new DefaultApplicationArguments());
		return console.toString(StandardCharsets.UTF_8);
	}

	@Test
	void shouldNotPrintAConfiguredPassword() {
		given(this.admin.username()).willReturn("admin");
		given(this.users.createFirstPlatformAdmin("admin", "admin@localhost", "configured password"))
			.willReturn(Optional.of(new Issued<>(this.admin, null)));
		ByteArrayOutputStream console = new ByteArrayOutputStream();

		new FirstPlatformAdmin(this.users, properties("configured password"), new PrintStream(console))
			.run(new DefaultApplicationArguments());

		assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	private static IdentityProperties properties(String password) {
		return new IdentityProperties(true, null, null, null, null, null, null,
				new IdentityProperties.FirstAdmin(null, null, password), null);
	}

}
