package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /tool/fetch url= dst-path=}: downloads over HTTP(S) into {@code /file}, one
 * {@code status=finished} row and {@code !done} on success, a {@code !trap} with the HTTP
 * status otherwise, as RouterOS reports it.
 */
final class FetchTool {

	private final FileStore files;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	FetchTool(FileStore files) {
		this.files = files;
	}

	void run(ApiRequest request, ReplyChannel reply) throws InterruptedException {
		String url = request.attribute("url");
		String dstPath = request.attribute("dst-path");
		if (url == null || dstPath == null || dstPath.isEmpty()) {
			reply.fail(1, "url and dst-path are required");
			return;
		}
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(URI.create(RawText.toText(url))).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | IllegalArgumentException ex) {
			reply.fail(null, "failure: connection failed");
			return;
		}
		if (response.statusCode() != 200) {
			reply.fail(null, "failure: closing connection: <" + response.statusCode() + "> " + RawText.toText(url));
			return;
		}
		byte[] body = response.body();
		this.files.put(dstPath, type(dstPath), RawText.of(body, 0, body.length));
		Map<String, String> status = new LinkedHashMap<>();
		status.put("status", "finished");
		status.put("downloaded", Integer.toString(body.length / 1024));
		status.put("total", Integer.toString(body.length / 1024));
		status.put("duration", "1s");
		reply.row(status);
		reply.done();
	}

	private static String type(String name) {
		if (name.endsWith(".backup")) {
			return "backup";
		}
		return name.endsWith(".rsc") ? "script" : "file";
	}

}
