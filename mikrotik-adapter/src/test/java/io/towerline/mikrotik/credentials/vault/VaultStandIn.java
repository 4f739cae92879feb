package io.towerline.mikrotik.credentials.vault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful stand-in for a Vault dev server (no real Vault can be installed here), on
 * loopback, following Vault's documented HTTP API for what Towerline uses:
 * <ul>
 * <li>tokens: {@code X-Vault-Token}; a missing, unknown, revoked or expired token gets
 * 403 {@code permission denied}; {@code auth/token/lookup-self}, {@code renew-self}
 * (extends the TTL by the lease), {@code revoke-self};</li>
 * <li>AppRole ({@code auth/approle/login}: {@code role_id}, {@code secret_id}) and
 * Kubernetes ({@code auth/kubernetes/login}: {@code role}, {@code jwt}) logins that issue
 * renewable tokens with a TTL; wrong credentials get 400;</li>
 * <li>KV v2 at {@code secret/} ({@link KvV2Store}): versions, check-and-set,
 * {@code cas_required}, soft delete, undelete, destroy, metadata, list.</li>
 * </ul>
 * The contract it is held to is {@link VaultKv2ContractTests}, which runs unchanged
 * against a real Vault when {@code VAULT_ADDR} is set.
 */
final class VaultStandIn implements AutoCloseable {

	static final String ROOT_TOKEN = "root";

	private static final JsonMapper json = JsonMapper.builder().build();

	final List<String> requests = new CopyOnWriteArrayList<>();

	final AtomicInteger logins = new AtomicInteger();

	final AtomicInteger renewals = new AtomicInteger();

	/** TTL of issued tokens, and what a renewal extends them by. */
	volatile int leaseSeconds = 3600;

	/** Simulates a policy that grants no access to the secrets. */
	volatile boolean denySecrets;

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final KvV2Store kv = new KvV2Store();

	private final HttpServer server;

	VaultStandIn() throws IOException {
		this.tokens.put(ROOT_TOKEN, Instant.MAX);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/", this::handle);
		this.server.start();
	}

	URI address() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Accepts a fixed token (a token handed in by an operator or agent). */
	void addToken(String token) {
		this.tokens.put(token, Instant.MAX);
	}

	/** Makes every token but root invalid, as expiry or revocation would. */
	void revokeAll() {
		this.tokens.keySet().removeIf((token) -> !token.equals(ROOT_TOKEN));
	}

	/** The live data of each secret's current version. */
	Map<String, Map<String, Object>> secrets() {
		return this.kv.currentData();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/v1/".length());
		String query = String.valueOf(exchange.getRequestURI().getQuery());
		String method = exchange.getRequestMethod();
		String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.requests.add(method + " " + path);
		try {
			if (path.equals("auth/approle/login") || path.equals("auth/kubernetes/login")) {
				login(exchange, path, body);
				return;
			}
			if (!valid(token)) {
				respond(exchange, 403, Map.of("errors", List.of("permission denied")));
				return;
			}
			switch (path) {
				case "auth/token/lookup-self" -> respond(exchange, 200, Map.of("data", Map.of("id", token, "ttl",
						ttl(token), "renewable", !token.equals(ROOT_TOKEN), "policies", List.of("routers"))));
				case "auth/token/renew-self" -> {
					this.renewals.incrementAndGet();
					this.tokens.put(token, Instant.now().plusSeconds(this.leaseSeconds));
					respond(exchange, 200, Map.of("auth", auth(token)));
				}
				case "auth/token/revoke-self" -> {
					this.tokens.remove(token);
					respond(exchange, 204, null);
				}
				default -> {
					if (this.denySecrets) {
						respond(exchange, 403, Map.of("errors", List.of("permission denied")));
						return;
					}
					secret(exchange, method, path, query, body);
				}
			}
		}
		catch (KvV2Store.Refused ex) {
			respond(exchange, ex.status, Map.of("errors", List.of(ex.getMessage())));
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, Map.of("errors", List.of(ex.toString())));
		}
	}

	private void login(HttpExchange exchange, String path, byte[] body) throws IOException {
		Map<?, ?> request = json.readValue(body, Map.class);
		boolean valid = path.equals("auth/approle/login")
				? "role-1".equals(request.get("role_id")) && "secret-1".equals(request.get("secret_id"))
				: "towerline".equals(request.get("role")) && "k8s-jwt".equals(request.get("jwt"));
		if (!valid) {
			respond(exchange, 400, Map.of("errors", List.of("invalid role or secret ID")));
			return;
		}
		String issued = "hvs.stand-in-" + this.logins.incrementAndGet();
		this.tokens.put(issued, Instant.now().plusSeconds(this.leaseSeconds));
		respond(exchange, 200, Map.of("auth", auth(issued)));
	}

	private void secret(HttpExchange exchange, String method, String path, String query, byte[] body)
			throws IOException {
		Instant now = Instant.now();
		if (path.equals("secret/config") && isWrite(method)) {
			Map<?, ?> config = json.readValue(body, Map.class);
			this.kv.configureMount((Boolean) config.get("cas_required"), number(config.get("max_versions")));
			respond(exchange, 204, null);
		}
		else if (path.startsWith("secret/data/")) {
			data(exchange, method, path.substring("secret/data/".length()), query, body, now);
		}
		else if (path.startsWith("secret/metadata/")) {
			metadata(exchange, method, path.substring("secret/metadata/".length()), query, body);
		}
		else if (path.startsWith("secret/delete/") && isWrite(method)) {
			this.kv.delete(path.substring("secret/delete/".length()), versions(body), now);
			respond(exchange, 204, null);
		}
		else if (path.startsWith("secret/undelete/") && isWrite(method)) {
			this.kv.undelete(path.substring("secret/undelete/".length()), versions(body));
			respond(exchange, 204, null);
		}
		else if (path.startsWith("secret/destroy/") && isWrite(method)) {
			this.kv.destroy(path.substring("secret/destroy/".length()), versions(body));
			respond(exchange, 204, null);
		}
		else {
			respond(exchange, 404, Map.of("errors", List.of()));
		}
	}

	private void data(HttpExchange exchange, String method, String key, String query, byte[] body, Instant now)
			throws IOException {
		if (isWrite(method)) {
			Map<?, ?> request = json.readValue(body, Map.class);
			@SuppressWarnings("unchecked")
			Map<String, Object> data = (Map<String, Object>) request.get("data");
			Integer cas = (request.get("options") instanceof Map<?, ?> options) ? number(options.get("cas")) : null;
			int version = this.kv.write(key, (data != null) ? data : Map.of(), cas, now);
			respond(exchange, 200, Map.of("data", versionMetadata(this.kv.read(key, version), version)));
			return;
		}
		if (method.equals("DELETE")) {
			this.kv.delete(key, List.of(), now);
			respond(exchange, 204, null);
			return;
		}
		int asked = query.startsWith("version=") ? Integer.parseInt(query.substring("version=".length())) : 0;
		KvV2Store.Version version = this.kv.read(key, asked);
		if (version == null) {
			respond(exchange, 404, Map.of("errors", List.of()));
			return;
		}
		int number = this.kv.versionNumber(key, asked);
		Map<String, Object> result = new LinkedHashMap<>();
		boolean gone = version.deleted != null || version.destroyed;
		result.put("data", gone ? null : version.data);
		result.put("metadata", versionMetadata(version, number));
		// Vault answers a deleted or destroyed version with 404 and its metadata
		respond(exchange, gone ? 404 : 200, Map.of("data", result));
	}

	private void metadata(HttpExchange exchange, String method, String key, String query, byte[] body)
			throws IOException {
		if (method.equals("LIST") || query.contains("list=true")) {
			List<String> keys = this.kv.list(key);
			respond(exchange, keys.isEmpty() ? 404 : 200,
					keys.isEmpty() ? Map.of("errors", List.of()) : Map.of("data", Map.of("keys", keys)));
			return;
		}
		if (method.equals("DELETE")) {
			this.kv.deleteAll(key);
			respond(exchange, 204, null);
			return;
		}
		if (isWrite(method)) {
			Map<?, ?> request = json.readValue(body, Map.class);
			this.kv.configure(key, (Boolean) request.get("cas_required"), number(request.get("max_versions")));
			respond(exchange, 204, null);
			return;
		}
		KvV2Store.Secret secret = this.kv.metadata(key);
		if (secret == null) {
			respond(exchange, 404, Map.of("errors", List.of()));
			return;
		}
		Map<String, Object> versions = new LinkedHashMap<>();
		secret.versions.forEach((number, version) -> versions.put(number.toString(), versionMetadata(version, number)));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("current_version", secret.currentVersion);
		data.put("oldest_version", secret.versions.isEmpty() ? 0 : secret.versions.firstKey());
		data.put("max_versions", secret.maxVersions);
		data.put("cas_required", secret.casRequired);
		data.put("versions", versions);
		respond(exchange, 200, Map.of("data", data));
	}

	private boolean valid(String token) {
		if (token == null) {
			return false;
		}
		Instant expires = this.tokens.get(token);
		return expires != null && Instant.now().isBefore(expires);
	}

	private long ttl(String token) {
		Instant expires = this.tokens.get(token);
		return expires.equals(Instant.MAX) ? 0 : Duration.between(Instant.now(), expires).toSeconds();
	}

	private Map<String, Object> auth(String token) {
		return Map.of("client_token", token, "accessor", "accessor-" + token, "policies", List.of("routers"),
				"lease_duration", this.leaseSeconds, "renewable", true);
	}

	private static Map<String, Object> versionMetadata(KvV2Store.Version version, int number) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("version", number);
		metadata.put("created_time", DateTimeFormatter.ISO_INSTANT.format(version.created));
		metadata.put("deletion_time",
				(version.deleted != null) ? DateTimeFormatter.ISO_INSTANT.format(version.deleted) : "");
		metadata.put("destroyed", version.destroyed);
		metadata.put("custom_metadata", null);
		return metadata;
	}

	private static List<Integer> versions(byte[] body) {
		Object versions = json.readValue(body, Map.class).get("versions");
		List<Integer> numbers = new ArrayList<>();
		if (versions instanceof List<?> list) {
			list.forEach((value) -> numbers.add(number(value)));
		}
		return numbers;
	}

	private static Integer number(Object value) {
		return (value instanceof Number number) ? number.intValue() : null;
	}

	private static boolean isWrite(String method) {
		return method.equals("POST") || method.equals("PUT");
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
