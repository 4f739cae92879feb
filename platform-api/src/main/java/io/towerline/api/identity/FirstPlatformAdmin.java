package io.towerline.api.identity;

import java.io.PrintStream;

import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On first run (no platform admin yet) creates one from configuration. Without a
 * configured password one is generated and printed once to the console, straight to
 * standard output and never through the logging system, so it reaches no log file or
 * collector; only its hash is stored. The banner names the web app, whose first page
 * starts the sign-in: signed in at the bare login form, a browser had no client to go
 * back to and the web app (on the loopback IP) asked for the password again.
 */
final class FirstPlatformAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstPlatformAdmin.class);

	private final UserDirectory users;

	private final IdentityProperties.FirstAdmin settings;

	private final String issuer;

	private final PrintStream console;

	FirstPlatformAdmin(UserDirectory users, IdentityProperties properties, PrintStream console) {
		this.users = users;
		this.settings = properties.firstAdmin();
		this.issuer = properties.issuer();
		this.console = console;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.users.createFirstPlatformAdmin(this.settings.username(), this.settings.email(), this.settings.password())
			.ifPresent(this::announce);
	}

	private void announce(Issued<UserAccount> admin) {
		String password = admin.secret();
		if (password == null) {
			log.info("Created the first platform admin '{}' with the configured password", admin.value().username());
			return;
		}
		log.info("Created the first platform admin '{}'; its generated password is printed once on the console",
				admin.value().username());
		this.console.println("""

				==================================================================
				 Towerline: first platform admin created (shown once, not stored)
				   sign in at %s/
				   user name: %s
				   password:  %s
				==================================================================
				""".formatted(this.issuer, admin.value().username(), password));
		this.console.flush();
	}

}
