package io.towerline.mikrotik.credentials.vault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in for Vault's HTTP API, covering what the store uses: AppRole,
 * Kubernetes and token login, token lookup/renew/revoke, KV v2 read/write/metadata
 * delete, and 403 for unknown, revoked or unprivileged tokens.
 */
final class FakeVault implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	final Map<String, Map<String, Object>> secrets = new ConcurrentHashMap<>();

	final Set<String> validTokens = ConcurrentHashMap.newKeySet();

	final List<String> requests = new CopyOnWriteArrayList<>();

	final AtomicInteger logins = new AtomicInteger();

	final AtomicInteger renewals = new AtomicInteger();

	volatile int leaseSeconds = 3600;

	volatile boolean denySecrets;

	private final HttpServer server;

	FakeVault() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/", this::handle);
		this.server.start();
	}

	URI address() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Makes a token invalid, as expiry or revocation would. */
	void revokeAll() {
		this.validTokens.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/v1/".length());
		String method = exchange.getRequestMethod();
		String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.requests.add(method + " " + path);
		try {
			if (path.equals("auth/approle/login") || path.equals("auth/kubernetes/login")) {
				Map<?, ?> request = json.readValue(body, Map.class);
				boolean valid = "role-1".equals(request.get("role_id")) && "secret-1".equals(request.get("secret_id"))
						|| "towerline".equals(request.get("role")) && "k8s-jwt".equals(request.get("jwt"));
				if (!valid) {
					respond(exchange, 400, Map.of("errors", List.of("invalid credentials")));
					return;
				}
				String issued = "s.token-" + this.logins.incrementAndGet();
				this.validTokens.add(issued);
				respond(exchange, 200, Map.of("auth", auth(issued)));
				return;
			}
			if (token == null || !this.validTokens.contains(token)) {
				respond(exchange, 403, Map.of("errors", List.of("permission denied")));
				return;
			}
			switch (path) {
				case "auth/token/lookup-self" -> respond(exchange, 200, Map.of("data",
						Map.of("ttl", this.leaseSeconds, "renewable", true, "id", token, "policies", List.of("r"))));
				case "auth/token/renew-self" -> {
					this.renewals.incrementAndGet();
					respond(exchange, 200, Map.of("auth", auth(token)));
				}
				case "auth/token/revoke-self" -> {
					this.validTokens.remove(token);
					respond(exchange, 204, null);
				}
				default -> handleSecret(exchange, method, path, body);
			}
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, Map.of("errors", List.of(ex.toString())));
		}
	}

	private void handleSecret(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
		if (this.denySecrets) {
			respond(exchange, 403, Map.of("errors", List.of("permission denied")));
			return;
		}
		if (path.startsWith("secret/data/")) {
			String key = path.substring("secret/data/".length());
			if (method.equals("GET")) {
				Map<String, Object> data = this.secrets.get(key);
				if (data == null) {
					respond(exchange, 404, Map.of("errors", List.of()));
					return;
				}
				respond(exchange, 200, Map.of("data", Map.of("data", data, "metadata", metadata())));
				return;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> written = (Map<String, Object>) json.readValue(body, Map.class).get("data");
			this.secrets.put(key, written);
			respond(exchange, 200, Map.of("data", metadata()));
			return;
		}
		if (path.startsWith("secret/metadata/") && method.equals("DELETE")) {
			this.secrets.remove(path.substring("secret/metadata/".length()));
			respond(exchange, 204, null);
			return;
		}
		respond(exchange, 404, Map.of("errors", List.of()));
	}

	private Map<String, Object> auth(String token) {
		return Map.of("client_token", token, "accessor", "acc-" + token, "policies", List.of("routers"),
				"lease_duration", this.leaseSeconds, "renewable", true);
	}

	private static Map<String, Object> metadata() {
		return Map.of("version", 1, "created_time", "2026-01-01T00:00:00.000000Z", "deletion_time", "", "destroyed",
				false);
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = (body != null) ? json.writeValueAsBytes(body) : new byte[0];
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
