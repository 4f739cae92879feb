package io.towerline.api.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.towerline.api.identity.OAuthFlows.Browser;
import io.towerline.api.support.ApiTest;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out of the SPA ends the browser's session at the embedded authorization server
 * (RP-initiated logout with the id token as hint): the next authorization request of that
 * browser demands the login form instead of signing the user straight back in, and the
 * browser lands on the SPA's signed-out page with the state it sent.
 */
class SignOutTests extends ApiTest {

	private static final String SIGNED_OUT = "http://127.0.0.1:8080/signed-out";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldDemandTheLoginFormAfterSignOut() {
		OAuthFlows flows = new OAuthFlows(this.mvc);
		Browser browser = flows.signInBrowser(user("out"), PASSWORD);
		assertThat(flows.authorizeAgain(browser.session())).as("signed in: a code, no login form")
			.startsWith(OAuthFlows.REDIRECT_URI)
			.contains("code=");

		MvcTestResult logout = signOut(browser, SIGNED_OUT, "s-1");

		assertThat(logout).hasStatus3xxRedirection();
		assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo(SIGNED_OUT + "?state=s-1");
		assertThat(flows.authorizeAgain(browser.session())).endsWith("/login");
	}

	@Test
	void shouldEndEachBrowsersSessionWhenTheUserIsSignedInTwice() {
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String username = user("two");
		Browser older = flows.signInBrowser(username, PASSWORD);
		Browser newer = flows.signInBrowser(username, PASSWORD);

		assertThat(signOut(older, SIGNED_OUT, "a")).hasStatus3xxRedirection();
		assertThat(flows.authorizeAgain(older.session())).as("the browser that signed out").endsWith("/login");
		assertThat(flows.authorizeAgain(newer.session())).as("the other browser keeps its session")
			.startsWith(OAuthFlows.REDIRECT_URI);

		assertThat(signOut(newer, SIGNED_OUT, "b")).hasStatus3xxRedirection();
		assertThat(flows.authorizeAgain(newer.session())).endsWith("/login");
	}

	@Test
	void shouldReturnToTheSignedOutPageOfTheLoopbackPortTheAppRunsOn() {
		// RFC 8252 loopback redirects: the app on 127.0.0.1 at any port, as for sign-in
		OAuthFlows flows = new OAuthFlows(this.mvc);
		Browser browser = flows.signInBrowser(user("port"), PASSWORD);

		MvcTestResult logout = signOut(browser, "http://127.0.0.1:41234/signed-out", "p");

		assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("http://127.0.0.1:41234/signed-out?state=p");
		assertThat(flows.authorizeAgain(browser.session())).endsWith("/login");
	}

	@Test
	void shouldRefuseToReturnAnywhereButTheAppsSignedOutPage() {
		OAuthFlows flows = new OAuthFlows(this.mvc);
		Browser browser = flows.signInBrowser(user("foreign"), PASSWORD);

		for (String foreign : Set.of("https://evil.example/signed-out", "http://127.0.0.1:8080/console",
				"http://localhost:8080/signed-out", "http://127.0.0.1.evil.example/signed-out")) {
			MvcTestResult refused = signOut(browser, foreign, "x");
			assertThat(refused).as(foreign).hasStatus(400);
			assertThat(refused.getResponse().getRedirectedUrl()).as(foreign).isNull();
		}
	}

	@Test
	void shouldEndTheSessionAndLandOnTheSignedOutPageWhenTheHintIsNoLongerKnown() {
		OAuthFlows flows = new OAuthFlows(this.mvc);
		Browser swept = flows.signInBrowser(user("swept"), PASSWORD);
		// its authorization swept (or issued by a server that forgot it)
		this.jdbc.sql("DELETE FROM public.oauth2_authorization WHERE oidc_id_token_value = :hint")
			.param("hint", swept.idToken())
			.update();
		Browser forged = flows.signInBrowser(user("forged"), PASSWORD);

		for (Browser browser : List.of(swept, new Browser(forged.session(), forged.accessToken(), "not.a.token"))) {
			MvcTestResult logout = signOut(browser, SIGNED_OUT, "u");

			assertThat(logout).hasStatus3xxRedirection();
			assertThat(logout.getResponse().getRedirectedUrl()).as("this server's own signed-out page")
				.isEqualTo(SignedOutPage.PATH + "?state=u");
			assertThat(flows.authorizeAgain(browser.session())).endsWith("/login");
		}
	}

	private MvcTestResult signOut(Browser browser, String postLogoutRedirectUri, String state) {
		// in the query string, as the SPA sends it (the endpoint reads a GET's parameters
		// from there)
		URI logout = UriComponentsBuilder.fromUriString("/connect/logout")
			.queryParam("id_token_hint", browser.idToken())
			.queryParam("post_logout_redirect_uri", postLogoutRedirectUri)
			.queryParam("state", state)
			.encode()
			.build()
			.toUri();
		BrowserCookies session = browser.session();
		return session.keep(this.mvc.get().uri(logout).with(session).exchange());
	}

	private static final String PASSWORD = "correct horse battery";

	private String user(String prefix) {
		TenantId tenant = newTenant("so" + prefix);
		String username = prefix + "-" + tenant.slug();
		this.users.create(Actor.of("test"), tenant, username, username + "@example.com", Set.of("OPERATOR"), PASSWORD);
		return username;
	}

}
