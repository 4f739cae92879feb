package io.towerline.api.isolation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B naming tenant A's subscribers, plans and routers in bulk changes and the CSV
 * import (ADR 0194): each row on A's ids is refused NOT_FOUND, a CSV row naming A's plan
 * and router is refused as invalid (the names are unknown in B), nothing is created in B
 * and A's subscriber is as it was.
 */
class TenantDataBulkIsolationTests extends TenantDataTest {

	/** Field → a bulk mutation using A's ids (see {@link #assertNotFoundForB}). */
	private static final Map<String, String> BULK_ON_A = new LinkedHashMap<>();

	static {
		BULK_ON_A.put("bulkExtendSubscriptions", """
				mutation($subscriber: ID!) { bulkExtendSubscriptions(input: { subscriberIds: [$subscriber],
				  days: 30 }) { accepted rejected { key errors { code } } errors { field code } } }""");
		BULK_ON_A.put("bulkChangeSubscriberPlan", """
				mutation($subscriber: ID!, $plan: ID!) { bulkChangeSubscriberPlan(input: {
				  subscriberIds: [$subscriber], planId: $plan }) { accepted rejected { key errors { code } }
				  errors { field code } } }""");
		BULK_ON_A.put("bulkCreateSubscribers", """
				mutation($plan: ID!, $router: ID!) { bulkCreateSubscribers(input: { subscribers: [{
				  username: "iso-data-b1", password: "secret-b-1", planId: $plan, routerId: $router }] }) {
				  accepted rejected { key errors { code } } errors { field code } } }""");
	}

	@Test
	void shouldRefuseAnotherTenantsIdsAndNamesInBulkChangesAndImportsAndChangeNothing() {
		String subscriberOfA = "query($id: ID!) { subscriber(id: $id) { status expiresOn plan { id } router { id } } }";
		Map<String, Object> before = readA(subscriberOfA, this.subscriberA, "subscriber");
		assertNotFoundForB(BULK_ON_A);
		// the CSV names plans and routers: A's names are unknown in B, so the row is
		// refused as invalid
		Map<String, Object> imported = this.adminB
			.document(
					"""
							mutation { importSubscribersCsv(input: { csv: "username,password,plan,router\\niso-data-b2,secret-b-2,Home 20,iso-data-1\\n" }) {
							  accepted rejected { key errors { field code } } } }""")
			.execute()
			.path("importSubscribersCsv")
			.entity(Map.class)
			.get();
		assertThat(imported).containsEntry("accepted", 0);
		assertThat(imported.get("rejected")).asString().contains("iso-data-b2");

		assertThat(readA(subscriberOfA, this.subscriberA, "subscriber")).isEqualTo(before)
			.containsEntry("status", "ACTIVE")
			.containsEntry("plan", Map.of("id", this.network.planId()))
			.containsEntry("router", Map.of("id", this.network.routerId()));
		assertThat(this.adminB.document("{ subscriberCount }")
			.execute()
			.path("subscriberCount")
			.entity(Integer.class)
			.get()).as("nothing created in B with A's plan").isZero();
	}

}
