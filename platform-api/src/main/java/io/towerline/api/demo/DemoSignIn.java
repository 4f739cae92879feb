package io.towerline.api.demo;

import java.io.PrintStream;
import java.util.Set;

import io.towerline.core.actor.Actor;
import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the demo tenant a tenant admin to sign in with, so a first look at the web app
 * shows the living network without onboarding a tenant first. Created once; its generated
 * password is printed once to the console, like the first platform admin's, and only its
 * hash is stored. A later start finds it and prints one line.
 */
final class DemoSignIn {

	private static final Logger log = LoggerFactory.getLogger(DemoSignIn.class);

	private final UserDirectory users;

	private final String username;

	private final String signInUrl;

	private final PrintStream console;

	DemoSignIn(UserDirectory users, String username, String signInUrl, PrintStream console) {
		this.users = users;
		this.username = username;
		this.signInUrl = signInUrl;
		this.console = console;
	}

	void ensure(TenantId tenant) {
		if (this.users.findByUsername(this.username).isPresent()) {
			log.info("Demo tenant {}: sign in to the web app as '{}' (its password was printed at the first start)",
					tenant.slug(), this.username);
			return;
		}
		Issued<UserAccount> admin = this.users.create(Actor.system("demo"), tenant, this.username,
				this.username + "@" + tenant.slug() + ".example", Set.of("TENANT_ADMIN"), null);
		this.console.println("""

				==================================================================
				 Towerline demo network: a tenant admin of %s (shown once)
				   sign in at %s
				   user name: %s
				   password:  %s
				==================================================================
				""".formatted(tenant.slug(), this.signInUrl, this.username, admin.secret()));
		this.console.flush();
	}

}
