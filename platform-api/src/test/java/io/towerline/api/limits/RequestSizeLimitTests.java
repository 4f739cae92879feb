package io.towerline.api.limits;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies over the configured size (4 MB by default) are refused with 413 and a
 * code, whether their length is declared or streamed; graphql-ws messages over theirs (64
 * KB) close the socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestSizeLimitTests extends ApiTest {

	private static final int LIMIT = 4 * 1024 * 1024;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void shouldRefuseABodyOverTheLimitWithItsLengthDeclared() throws Exception {
		HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(body(LIMIT + 1)));

		assertRefused(response);
	}

	@Test
	void shouldRefuseAStreamedBodyOverTheLimit() throws Exception {
		byte[] body = body(LIMIT + 1);
		HttpResponse<String> response = post(
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertRefused(response);
	}

	@Test
	void shouldServeBodiesUpToTheLimitDeclaredOrStreamed() throws Exception {
		byte[] body = body(LIMIT);
		HttpResponse<String> declared = post(HttpRequest.BodyPublishers.ofByteArray(body));
		HttpResponse<String> streamed = post(
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertThat(declared.statusCode()).isEqualTo(200);
		assertThat(declared.body()).contains("\"subject\"");
		assertThat(streamed.statusCode()).isEqualTo(200);
		assertThat(streamed.body()).contains("\"subject\"");
	}

	@Test
	void shouldCloseASocketWhoseMessageIsOverTheLimit() throws Exception {
		CompletableFuture<Integer> closed = new CompletableFuture<>();
		WebSocket socket = this.http.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/graphql-ws"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					closed.complete(statusCode);
					return null;
				}

				@Override
				public void onError(WebSocket webSocket, Throwable error) {
					closed.completeExceptionally(error);
				}
			})
			.get(30, TimeUnit.SECONDS);
		String padding = "x".repeat(65 * 1024);
		socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
				+ TestTokens.forTenant(newTenant("ws-size").slug(), "VIEWER") + "\",\"padding\":\"" + padding + "\"}}",
				true);

		assertThat(closed.get(30, TimeUnit.SECONDS)).isEqualTo(1009);
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(413);
		JsonNode error = JsonMapper.builder().build().readTree(response.body()).path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(error.path("extensions").path("maxBytes").asLong()).isEqualTo(LIMIT);
	}

	private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
		String token = TestTokens.forTenant(newTenant("size").slug(), "VIEWER");
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A valid GraphQL request of exactly {@code size} bytes, padded with whitespace. */
	private static byte[] body(int size) {
		String request = "{\"query\":\"{ me { subject } }\"";
		return (request + " ".repeat(size - request.length() - 1) + "}").getBytes(StandardCharsets.UTF_8);
	}

}
