package io.towerline.mikrotik.credentials.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vault's documented KV v2 and token behaviour (developer.hashicorp.com/vault/api-docs/
 * secret/kv/kv-v2), spoken in plain HTTP so it runs unchanged against the stand-in and
 * against a real Vault dev server (KV v2 mounted at {@code secret/}, as {@code vault
 * server -dev} mounts it). Every test works under its own random path.
 */
abstract class VaultKv2Contract {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base = "towerline-contract/" + UUID.randomUUID();

	/** Vault's address. */
	abstract URI address();

	/** A token allowed to read and write {@code secret/}. */
	abstract String token();

	@Test
	void shouldKeepEveryVersionAndReadTheCurrentOneByDefault() {
		String path = this.base + "/versions";
		assertThat(write(path, Map.of("password", "one"), null).path("data").path("version").asInt()).isEqualTo(1);
		assertThat(write(path, Map.of("password", "two"), null).path("data").path("version").asInt()).isEqualTo(2);

		Response current = call("GET", "secret/data/" + path, null, token());
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.body().path("data").path("data").path("password").asString()).isEqualTo("two");
		assertThat(current.body().path("data").path("metadata").path("version").asInt()).isEqualTo(2);
		Response first = call("GET", "secret/data/" + path + "?version=1", null, token());
		assertThat(first.body().path("data").path("data").path("password").asString()).isEqualTo("one");
		Response metadata = call("GET", "secret/metadata/" + path, null, token());
		assertThat(metadata.body().path("data").path("current_version").asInt()).isEqualTo(2);
		assertThat(metadata.body().path("data").path("versions").propertyNames()).containsExactlyInAnyOrder("1", "2");
	}

	@Test
	void shouldWriteWithCheckAndSetOnlyOverTheVersionNamed() {
		String path = this.base + "/cas";
		assertThat(call("POST", "secret/data/" + path, body(Map.of("v", "a"), 0), token()).status()).isEqualTo(200);
		assertThat(call("POST", "secret/data/" + path, body(Map.of("v", "b"), 0), token()).status())
			.as("cas 0 writes only a secret that does not exist")
			.isEqualTo(400);
		assertThat(call("POST", "secret/data/" + path, body(Map.of("v", "b"), 1), token()).status()).isEqualTo(200);
		Response stale = call("POST", "secret/data/" + path, body(Map.of("v", "c"), 1), token());
		assertThat(stale.status()).isEqualTo(400);
		assertThat(stale.body().path("errors").toString()).contains("check-and-set");
		assertThat(read(path).path("v").asString()).isEqualTo("b");
	}

	@Test
	void shouldRequireCheckAndSetWhereTheSecretSaysSo() {
		String path = this.base + "/cas-required";
		write(path, Map.of("v", "a"), null);
		assertThat(call("POST", "secret/metadata/" + path, Map.of("cas_required", true), token()).status())
			.isEqualTo(204);

		assertThat(call("POST", "secret/data/" + path, body(Map.of("v", "b"), null), token()).status()).isEqualTo(400);
		assertThat(call("POST", "secret/data/" + path, body(Map.of("v", "b"), 1), token()).status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAMissingOrWrongTokenWith403() {
		String path = this.base + "/guarded";
		write(path, Map.of("v", "a"), null);

		assertThat(call("GET", "secret/data/" + path, null, "hvs.not-a-token").status()).isEqualTo(403);
		assertThat(call("GET", "secret/data/" + path, null, null).status()).isEqualTo(403);
		assertThat(call("POST", "secret/data/" + path, body(Map.of("v", "b"), null), "hvs.not-a-token").status())
			.isEqualTo(403);
		assertThat(read(path).path("v").asString()).isEqualTo("a");
	}

	@Test
	void shouldDeleteSoftlyUndeleteAndDestroyForGood() {
		String path = this.base + "/deleted";
		write(path, Map.of("v", "a"), null);

		assertThat(call("DELETE", "secret/data/" + path, null, token()).status()).isEqualTo(204);
		Response deleted = call("GET", "secret/data/" + path, null, token());
		assertThat(deleted.status()).isEqualTo(404);
		assertThat(call("POST", "secret/undelete/" + path, Map.of("versions", List.of(1)), token()).status())
			.isEqualTo(204);
		assertThat(read(path).path("v").asString()).isEqualTo("a");
		assertThat(call("POST", "secret/destroy/" + path, Map.of("versions", List.of(1)), token()).status())
			.isEqualTo(204);
		assertThat(call("GET", "secret/data/" + path, null, token()).status()).isEqualTo(404);
		assertThat(call("DELETE", "secret/metadata/" + path, null, token()).status()).isEqualTo(204);
		assertThat(call("GET", "secret/metadata/" + path, null, token()).status()).isEqualTo(404);
	}

	@Test
	void shouldLookUpItsOwnToken() {
		Response self = call("GET", "auth/token/lookup-self", null, token());

		assertThat(self.status()).isEqualTo(200);
		assertThat(self.body().path("data").path("id").asString()).isEqualTo(token());
	}

	private JsonNode write(String path, Map<String, Object> data, Integer cas) {
		Response response = call("POST", "secret/data/" + path, body(data, cas), token());
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.body();
	}

	private JsonNode read(String path) {
		Response response = call("GET", "secret/data/" + path, null, token());
		assertThat(response.status()).isEqualTo(200);
		return response.body().path("data").path("data");
	}

	private static Map<String, Object> body(Map<String, Object> data, Integer cas) {
		return (cas != null) ? Map.of("data", data, "options", Map.of("cas", cas)) : Map.of("data", data);
	}

	private Response call(String method, String path, Object body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(address().resolve("/v1/" + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("X-Vault-Token", token);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			JsonNode parsed = (response.body().length > 0) ? json.readTree(response.body()) : json.createObjectNode();
			return new Response(response.statusCode(), parsed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, JsonNode body) {
	}

}
