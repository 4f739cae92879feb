package io.towerline.api.webapp;

import java.io.IOException;
import java.util.Arrays;

import io.towerline.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client as the server hands it out: the app for its own routes, never for the
 * server's paths, with the caching and security headers it needs.
 */
class SinglePageAppTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldServeIndexAtRoot() {
		assertThat(this.mvc.get().uri("/").accept(MediaType.TEXT_HTML)).hasForwardedUrl("/index.html");
		MvcTestResult index = this.mvc.get().uri("/index.html").accept(MediaType.TEXT_HTML).exchange();
		assertThat(index).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(index.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/subscribers", "/subscribers/5f0e7c1e-9a49-4a8e-9d2b-5b7e1f3c2a10", "/console",
			"/auth/callback", "/routers/x/deeper/still" })
	void shouldAnswerClientRoutesWithTheApp(String route) {
		MvcTestResult result = this.mvc.get().uri(route).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(result.getResponse().getContentAsByteArray()).asString().contains("<div id=\"root\">");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql/unknown", "/oauth2/unknown", "/.well-known/unknown", "/local/unknown",
			"/actuator/unknown", "/login/unknown", "/connect/unknown", "/assets/missing.js", "/missing.png",
			"/subscribers/export.csv" })
	void shouldNeverShadowServerPathsOrMissingFiles(String path) {
		MvcTestResult result = this.mvc.get().uri(path).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result.getResponse().getStatus()).isNotEqualTo(200);
		assertThat(result.getResponse().getContentAsByteArray()).asString().doesNotContain("<div id=\"root\">");
	}

	@Test
	void shouldCacheHashedAssetsForAYear() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath:/towerline-web/assets/*.js");
		assertThat(scripts).isNotEmpty();
		String name = Arrays.stream(scripts)
			.map(Resource::getFilename)
			.filter((n) -> n.startsWith("index-"))
			.findFirst()
			.orElseThrow();
		MvcTestResult result = this.mvc.get().uri("/assets/" + name).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("max-age=31536000").contains("immutable");
	}

	@Test
	void shouldSendPrecompressedAssetsToBrowsersThatAcceptThem() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath:/towerline-web/assets/*.js");
		String name = scripts[0].getFilename();
		MvcTestResult result = this.mvc.get().uri("/assets/" + name).header("Accept-Encoding", "br").exchange();
		assertThat(result).hasStatusOk().hasHeader("Content-Encoding", "br");
		assertThat(result.getResponse().getContentAsByteArray()).hasSizeLessThan((int) scripts[0].contentLength());
	}

	@Test
	void shouldPutAStrictContentSecurityPolicyOnTheApp() {
		String policy = this.mvc.get()
			.uri("/subscribers")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'",
				"connect-src 'self';");
		assertThat(policy).doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
	}

	@Test
	void shouldTellTheAppHowToSignIn() {
		assertThat(this.mvc.get().uri("/config.json")).hasStatusOk()
			.bodyJson()
			.extractingPath("clientId")
			.isEqualTo("towerline-web");
		assertThat(this.mvc.get().uri("/config.json")).bodyJson().extractingPath("issuer").isNull();
	}

	@Test
	void shouldKeepGraphQlAnswering() {
		assertThat(this.mvc.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\":\"{ me { subject } }\"}")).hasStatus(401);
	}

}
