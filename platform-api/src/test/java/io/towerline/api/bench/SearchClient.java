package io.towerline.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A client in a process of its own that times {@code onlineSessions} searches the way an
 * integration sees them: HTTP POST {@code /graphql} over loopback on one kept-alive
 * connection, from the request leaving to the whole response read. Started by
 * {@link #run} on the benchmark's class path; prints one time in nanoseconds a line.
 */
public final class SearchClient {

	private SearchClient() {
	}

	/**
	 * Arguments: the server's port, a bearer token, how many searches, {@code prefix} or
	 * {@code middle}, and the largest number in a search text.
	 */
	public static void main(String[] args) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + args[0] + "/graphql");
		String token = args[1];
		int runs = Integer.parseInt(args[2]);
		boolean middle = args[3].equals("middle");
		int largest = Integer.parseInt(args[4]);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		// the client's own code warmed up first, with other texts than those timed
		Random warm = new Random(3);
		for (int i = 0; i < 200; i++) {
			send(http, uri, token, text(middle, warm.nextInt(largest + 1)));
		}
		Random random = new Random(11);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < runs; i++) {
			String text = text(middle, random.nextInt(largest + 1));
			long start = System.nanoTime();
			send(http, uri, token, text);
			out.append(System.nanoTime() - start).append('\n');
		}
		System.out.print(out);
		System.out.flush();
	}

	/** The same texts as the benchmark's own searches ({@code sub012}, {@code b0012}). */
	static String text(boolean middle, int number) {
		return String.format(Locale.ROOT, middle ? "b%04d" : "sub%03d", number);
	}

	private static void send(HttpClient http, URI uri, String token, String text)
			throws IOException, InterruptedException {
		String body = "{\"query\":\"query($search: String) { onlineSessions(filter: {search: $search}, "
				+ "orderBy: USERNAME, first: 100) { totalCount totalCountCapped edges { node { id username address "
				+ "callerId } } } }\",\"variables\":{\"search\":\"" + text + "\"}}";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains("\"totalCount\"")) {
			throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * Runs the client in a JVM of its own on this JVM's class path and returns its times
	 * in nanoseconds.
	 */
	static List<Long> run(int port, String token, int runs, boolean middle, int largest) {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-cp", System.getProperty("java.class.path"), SearchClient.class.getName(), Integer.toString(port),
				token, Integer.toString(runs), middle ? "middle" : "prefix", Integer.toString(largest));
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			List<Long> times = new ArrayList<>();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (!line.isBlank()) {
						times.add(Long.parseLong(line.strip()));
					}
				}
			}
			int exit = process.waitFor();
			if (exit != 0 || times.size() != runs) {
				throw new IllegalStateException("search client exited " + exit + " after " + times.size() + " times");
			}
			return times;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
