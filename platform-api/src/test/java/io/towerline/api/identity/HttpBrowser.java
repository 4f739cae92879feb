package io.towerline.api.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser over real HTTP in front of several replicas, as behind a load balancer: one
 * cookie jar whichever replica answers, redirects not followed (the test decides which
 * replica gets the next request).
 */
final class HttpBrowser {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	HttpResponse<String> get(URI replica, String pathAndQuery) {
		return send(HttpRequest.newBuilder(replica.resolve(pathAndQuery)).header("Accept", "text/html").GET());
	}

	HttpResponse<String> postForm(URI replica, String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(replica.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A JSON request with a bearer token, as the SPA calls the API. */
	HttpResponse<String> postJson(URI replica, String path, String json, String bearer) {
		return send(HttpRequest.newBuilder(replica.resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + bearer)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** The path and query of the answer's redirect, to send to any replica. */
	static String redirectPath(HttpResponse<String> response) {
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return (location.getRawQuery() != null) ? location.getRawPath() + "?" + location.getRawQuery()
				: location.getRawPath();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(this::keep);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void keep(String setCookie) {
		String[] parts = setCookie.split(";");
		String[] nameValue = parts[0].split("=", 2);
		boolean cleared = setCookie.toLowerCase().contains("max-age=0");
		if (cleared) {
			this.cookies.remove(nameValue[0].strip());
		}
		else {
			this.cookies.put(nameValue[0].strip(), nameValue[1].strip());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
