package io.towerline.api.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.towerline.TowerlineApplication;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded authorization server behind a load balancer and across restarts: two
 * application instances on one database, a browser whose requests reach either of them,
 * and an instance closed and started again. A sign-in started on one is finished on the
 * other, its code exchanged there, its sign-out anywhere ends it everywhere; a restart
 * keeps the signed-in browser signed in and its id token known to sign-out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSignInTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final String SIGNED_OUT = "http://127.0.0.1:8080/signed-out";

	/**
	 * One data directory (its key-encryption key) for every instance, also a restarted
	 * one.
	 */
	@TempDir
	static Path dataDir;

	private String databaseUrl;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@BeforeAll
	void startTwoReplicas() throws SQLException {
		TestDatabase.Server server = TestDatabase.server();
		String database = "idp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(server.url(), "CREATE DATABASE " + database);
		this.databaseUrl = server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		this.first = start("idp-a");
		this.second = start("idp-b");
	}

	@AfterAll
	void stop() {
		this.first.close();
		this.second.close();
	}

	@Test
	void shouldFinishOnOneReplicaASignInStartedOnTheOther() throws SQLException {
		HttpBrowser browser = new HttpBrowser();
		URI a = uri(this.first);
		URI b = uri(this.second);

		Tokens tokens = signIn(browser, a, b);

		long sessions = count("SELECT count(*) FROM public.spring_session");
		HttpResponse<String> me = new HttpBrowser().postJson(a, "/graphql", "{\"query\":\"{ me { subject } }\"}",
				tokens.access());
		assertThat(me.body()).contains("\"subject\":\"admin\"");
		assertThat(me.headers().allValues("Set-Cookie")).as("the API is stateless").isEmpty();
		assertThat(count("SELECT count(*) FROM public.spring_session")).as("no session for an API call")
			.isEqualTo(sessions);

		HttpResponse<String> logout = browser.get(b, signOut(tokens.id(), "s-b"));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue(SIGNED_OUT + "?state=s-b");
		assertThat(HttpBrowser.redirectPath(browser.get(a, authorize("after"))))
			.as("signed out on B, the login form on A")
			.isEqualTo("/login");
	}

	@Test
	void shouldKeepABrowserSignedInAcrossARestart() {
		HttpBrowser browser = new HttpBrowser();
		Tokens tokens = signIn(browser, uri(this.second), uri(this.second));

		this.second.close();
		this.second = start("idp-b2");
		URI restarted = uri(this.second);

		assertThat(HttpBrowser.redirectPath(browser.get(restarted, authorize("still")))).as("still signed in")
			.startsWith("/auth/callback?code=");
		HttpResponse<String> logout = browser.get(restarted, signOut(tokens.id(), "s-r"));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue(SIGNED_OUT + "?state=s-r");
		assertThat(HttpBrowser.redirectPath(browser.get(restarted, authorize("after")))).isEqualTo("/login");
	}

	/**
	 * Starts at the authorization endpoint of {@code signInAt}, signs in there, and sends
	 * the authorization request and the code exchange to {@code finishAt}.
	 */
	private Tokens signIn(HttpBrowser browser, URI signInAt, URI finishAt) {
		String verifier = OAuthFlows.randomVerifier();
		HttpResponse<String> toLogin = browser.get(signInAt,
				OAuthFlows.authorizationRequest("st", OAuthFlows.challenge(verifier)));
		assertThat(HttpBrowser.redirectPath(toLogin)).isEqualTo("/login");
		Matcher csrf = OAuthFlows.CSRF.matcher(browser.get(signInAt, "/login").body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> login = browser.postForm(signInAt, "/login",
				Map.of("username", "admin", "password", PASSWORD, "_csrf", csrf.group(1)));
		assertThat(HttpBrowser.redirectPath(login)).startsWith("/oauth2/authorize");

		HttpResponse<String> authorized = browser.get(finishAt, HttpBrowser.redirectPath(login));
		String callback = authorized.headers().firstValue("Location").orElseThrow();
		assertThat(callback).as("the code, on the other replica").startsWith(OAuthFlows.REDIRECT_URI);
		String code = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("code");

		HttpResponse<String> token = new HttpBrowser().postForm(finishAt, "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", OAuthFlows.REDIRECT_URI,
						"client_id", OAuthFlows.WEB_CLIENT, "code_verifier", verifier));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return new Tokens(find(OAuthFlows.ACCESS_TOKEN, token.body()), find(OAuthFlows.ID_TOKEN, token.body()));
	}

	private static String authorize(String state) {
		return OAuthFlows.authorizationRequest(state, OAuthFlows.challenge(OAuthFlows.randomVerifier()));
	}

	private static String signOut(String idToken, String state) {
		return UriComponentsBuilder.fromUriString("/connect/logout")
			.queryParam("id_token_hint", idToken)
			.queryParam("post_logout_redirect_uri", SIGNED_OUT)
			.queryParam("state", state)
			.encode()
			.build()
			.toUriString();
	}

	private ConfigurableApplicationContext start(String name) {
		TestDatabase.Server server = TestDatabase.server();
		// arguments: they win over application.yaml (builder properties would not)
		return new SpringApplicationBuilder(TowerlineApplication.class).run(
				"--spring.datasource.url=" + this.databaseUrl, "--spring.datasource.username=" + server.username(),
				"--spring.datasource.password=" + server.password(), "--towerline.embedded.data-dir=" + dataDir,
				"--server.port=0", "--towerline.identity.issuer=http://idp.towerline.test",
				"--towerline.identity.first-admin.password=" + PASSWORD, "--towerline.sessions.enabled=false",
				"--towerline.sessions.replica-id=" + name, "--db-scheduler.scheduler-name=" + name,
				"--db-scheduler.shutdown-max-wait=1s");
	}

	private static URI uri(ConfigurableApplicationContext context) {
		return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
	}

	private long count(String sql) throws SQLException {
		TestDatabase.Server server = TestDatabase.server();
		try (Connection connection = DriverManager.getConnection(this.databaseUrl, server.username(),
				server.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		TestDatabase.Server server = TestDatabase.server();
		try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as("%s in %s", pattern, body).isTrue();
		return matcher.group(1);
	}

	private record Tokens(String access, String id) {
	}

}
