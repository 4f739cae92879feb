package io.towerline.api.subscriber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk creation: bad rows are reported with their position and never lose the good ones.
 */
class BulkSubscribersTests extends ApiTest {

	NetworkFixture network;

	@BeforeEach
	void network() {
		this.network = NetworkFixture.create(as(TestTokens.forTenant(newTenant("bulk").slug(), "OPERATOR")), "bulk-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldCreateGoodRowsAndReportBadOnes() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			rows.add(row("bulk-" + i, "password-" + i));
		}
		rows.set(10, row("bad name", "password-x"));
		rows.set(20, row("bulk-5", "password-dup"));
		rows.set(30, row("short-pass", "abc"));
		var response = this.network.graphQl()
			.documentName("bulkCreateSubscribers")
			.variable("input", Map.of("subscribers", rows))
			.execute();
		response.path("bulkCreateSubscribers.accepted").entity(Integer.class).isEqualTo(297);
		response.path("bulkCreateSubscribers.rejected[*].row").entityList(Integer.class).containsExactly(10, 20, 30);
		response.path("bulkCreateSubscribers.rejected[1].errors[0].code").entity(String.class).isEqualTo("DUPLICATE");
		String operation = response.path("bulkCreateSubscribers.operations[0].id").entity(String.class).get();
		response.path("bulkCreateSubscribers.operations[0].progressTotal").entity(Integer.class).isEqualTo(297);

		this.network.awaitSucceeded(operation);
		assertThat(this.network.simulator().secret("bulk-299")).isPresent();
		assertThat(this.network.simulator().secret("bulk-10")).isEmpty();
		assertThat(this.network.simulator().secretCount()).isEqualTo(297);
		this.network.graphQl()
			.documentName("operation")
			.variable("id", operation)
			.execute()
			.path("operation.progressDone")
			.entity(Integer.class)
			.isEqualTo(297);
	}

	@Test
	void shouldImportCsvAndReportBadLines() {
		String csv = """
				username,password,plan,router,fullName,email
				csv-1,secret-01,Home 20,bulk-1,"Doe, Jane",jane@example.com
				csv-2,secret-02,No Such Plan,bulk-1,John,
				csv-3,secret-03,home-20,bulk-1,"Quote ""Q"" Person",q@example.com
				csv-4,secret-04,Home 20,bulk-1,Broken,not-an-email
				""";
		var response = this.network.graphQl().documentName("importSubscribersCsv").variable("csv", csv).execute();
		response.path("importSubscribersCsv.accepted").entity(Integer.class).isEqualTo(2);
		response.path("importSubscribersCsv.rejected[*].row").entityList(Integer.class).containsExactly(3, 5);
		response.path("importSubscribersCsv.rejected[0].errors[0].field").entity(String.class).isEqualTo("plan");
		this.network.awaitSucceeded(response.path("importSubscribersCsv.operations[0].id").entity(String.class).get());
		assertThat(this.network.simulator().secret("csv-3")).isPresent();
	}

	@Test
	void shouldRefuseAnEmptyRequest() {
		this.network.graphQl()
			.documentName("bulkCreateSubscribers")
			.variable("input", Map.of("subscribers", List.of()))
			.execute()
			.path("bulkCreateSubscribers.errors[0].field")
			.entity(String.class)
			.isEqualTo("subscribers");
	}

	private Map<String, Object> row(String username, String password) {
		Map<String, Object> row = new HashMap<>();
		row.put("username", username);
		row.put("password", password);
		row.put("planId", this.network.planId());
		row.put("routerId", this.network.routerId());
		return row;
	}

}
