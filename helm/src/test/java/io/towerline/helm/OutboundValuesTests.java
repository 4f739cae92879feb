package io.towerline.helm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where tenants' webhooks and SMS gateways may send to (ADR 0206): private networks are
 * closed unless the values open them, and the setting always reaches the container.
 */
class OutboundValuesTests {

	@Test
	void shouldKeepPrivateDestinationsClosedByDefault() {
		Map<String, Map<String, Object>> env = Rendered
			.env(Chart.template(Chart.ciValues("minimal-values.yaml")).get("Deployment"));

		assertThat(env.get("TOWERLINE_OUTBOUND_ALLOW_PRIVATE_DESTINATIONS")).containsEntry("value", "false");
	}

	@Test
	void shouldOpenPrivateDestinationsWhenTheValuesSaySo() {
		Map<String, Map<String, Object>> env = Rendered.env(Chart
			.template(Chart.ciValues("minimal-values.yaml"), Map.of("outbound.allowPrivateDestinations", "true"))
			.get("Deployment"));

		assertThat(env.get("TOWERLINE_OUTBOUND_ALLOW_PRIVATE_DESTINATIONS")).containsEntry("value", "true");
	}

}
