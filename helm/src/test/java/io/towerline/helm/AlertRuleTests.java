package io.towerline.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule alerts on the scale-out metrics platform-api exports (issue 14;
 * names checked on the scrape by BacklogMetricsTests): the oldest queued operation, the
 * oldest waiting notification, stream-lease losses; thresholds come from the values.
 */
class AlertRuleTests {

	@Test
	void shouldAlertOnOperationBacklogNotificationBacklogAndLeaseLoss() {
		Map<String, String> alerts = alerts(Chart.template(Chart.ciValues("ha-values.yaml")));

		assertThat(alerts.get("TowerlineOperationBacklogAging"))
			.contains("max(towerline_operations_oldest_queued_age_seconds{")
			.endsWith("> 900");
		assertThat(alerts.get("TowerlineNotificationsBacklogAging"))
			.contains("max(towerline_notifications_outbox_oldest_age_seconds{")
			.endsWith("> 1800");
		assertThat(alerts.get("TowerlineStreamLeaseLost")).contains("increase(towerline_stream_lease_losses_total{")
			.endsWith("> 0");
	}

	@Test
	void shouldTakeTheBacklogThresholdsFromTheValues() {
		Map<String, String> alerts = alerts(Chart.template(Chart.ciValues("ha-values.yaml"),
				Map.of("metrics.prometheusRule.operationQueuedAgeSeconds", 120,
						"metrics.prometheusRule.notificationAgeSeconds", 600)));

		assertThat(alerts.get("TowerlineOperationBacklogAging")).endsWith("> 120");
		assertThat(alerts.get("TowerlineNotificationsBacklogAging")).endsWith("> 600");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> alerts(Rendered rendered) {
		List<Map<String, Object>> rules = (List<Map<String, Object>>) Rendered.at(rendered.get("PrometheusRule"),
				"spec.groups.0.rules");
		Map<String, String> alerts = new LinkedHashMap<>();
		rules.forEach((rule) -> alerts.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr"))));
		return alerts;
	}

}
