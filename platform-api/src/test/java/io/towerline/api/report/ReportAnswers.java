package io.towerline.api.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report documents and how to read their answers, shared by the report tests: a
 * report's files, chart and totals, and the answers a refused request gets.
 */
final class ReportAnswers {

	static final String REQUEST = """
			mutation($input: RequestReportInput!) { requestReport(input: $input) {
			  report { id status kind } errors { field code message } } }""";

	static final String REPORT = """
			query($id: ID!) { report(id: $id) { id kind title status rowsDone rowsTotal failure
			  totals { name value } chartSeries chart { label values } files { format size fileName downloadPath } } }""";

	static final Class<Map<String, Object>> MAP = mapType();

	private ReportAnswers() {
	}

	static String path(Map<String, Object> report, String format) {
		return files(report).stream()
			.filter((file) -> format.equals(file.get("format")))
			.map((file) -> (String) file.get("downloadPath"))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> files(Map<String, Object> report) {
		return (List<Map<String, Object>>) report.get("files");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> chart(Map<String, Object> report) {
		return (List<Map<String, Object>>) report.get("chart");
	}

	static List<Object> chartLabels(Map<String, Object> report) {
		return chart(report).stream().map((bar) -> bar.get("label")).toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Double> totals(Map<String, Object> report) {
		Map<String, Double> totals = new LinkedHashMap<>();
		((List<Map<String, Object>>) report.get("totals"))
			.forEach((total) -> totals.put((String) total.get("name"), ((Number) total.get("value")).doubleValue()));
		return totals;
	}

	static void assertUsageTotals(Map<String, Object> report, int rows, long download, long upload) {
		assertThat(report.get("rowsDone")).isEqualTo((double) rows);
		assertThat(report.get("rowsTotal")).isEqualTo((double) rows);
		assertThat(totals(report)).containsEntry("Rows", (double) rows)
			.containsEntry("Download bytes", (double) download)
			.containsEntry("Upload bytes", (double) upload)
			.containsEntry("Total bytes", (double) (download + upload));
	}

	static void assertNotFound(HttpGraphQlTester.Request<?> request) {
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	static void assertRefused(Map<String, Object> payload, String field, String code) {
		assertThat(payload.get("report")).isNull();
		assertThat(payload.get("errors").toString()).contains("field=" + field).contains("code=" + code);
	}

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

}
