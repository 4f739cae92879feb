package io.towerline.api.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan's rates are refused on the field the caller wrote, never on a field the input
 * does not have, and above what RouterOS accepts.
 */
class PlanRateTests extends ApiTest {

	@Test
	void shouldNameTheInputFieldOfEveryBadRate() {
		var operator = as(TestTokens.forTenant(newTenant("rates").slug(), "OPERATOR"));
		Map<String, List<String>> cases = new LinkedHashMap<>();
		cases.put("{\"downloadRate\":\"99999999999M\",\"uploadRate\":\"5M\"}", List.of("downloadRate"));
		cases.put("{\"downloadRate\":\"20M\",\"uploadRate\":\"4295M\"}", List.of("uploadRate"));
		cases.put("{\"downloadRate\":\"fast\",\"uploadRate\":\"-1\"}", List.of("downloadRate", "uploadRate"));
		cases.put("{\"downloadRate\":\"20M\",\"uploadRate\":\"5M\",\"burst\":{\"downloadRate\":\"10M\","
				+ "\"uploadRate\":\"10M\",\"downloadThreshold\":\"15M\",\"uploadThreshold\":\"11M\",\"seconds\":10}}",
				List.of("burst.downloadRate", "burst.uploadThreshold", "burst.downloadThreshold"));
		int i = 0;
		for (Map.Entry<String, List<String>> entry : cases.entrySet()) {
			Map<String, Object> input = new HashMap<>(
					JsonMapper.builder().build().readValue(entry.getKey(), Map.class));
			input.put("name", "Rates " + i++);
			operator.documentName("createPlan")
				.variable("input", input)
				.execute()
				.path("createPlan.errors[*].field")
				.entityList(String.class)
				.containsExactly(entry.getValue().toArray(String[]::new));
		}
	}

}
