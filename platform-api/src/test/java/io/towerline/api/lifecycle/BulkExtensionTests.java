package io.towerline.api.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extending many subscriptions at once: each from its own expiry, unknown ids reported,
 * selections checked, another tenant's subscribers out of reach.
 */
class BulkExtensionTests extends ApiTest {

	private static final String BULK = """
			mutation($input: BulkExtendSubscriptionsInput!) { bulkExtendSubscriptions(input: $input) {
			  accepted rejected { row key errors { code } } errors { field code } } }""";

	private static final String EXTEND = """
			mutation($id: ID!, $until: String!) { extendSubscription(input: {subscriberId: $id, until: $until}) {
			  expiresOn errors { code } } }""";

	NetworkFixture network;

	String first;

	String second;

	@BeforeEach
	void twoSubscribers() {
		TenantId tenant = newTenant("bulkext");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")), "edge");
		this.first = this.network.createSubscriber("ext-one", "secret-one")[0];
		this.second = this.network.createSubscriber("ext-two", "secret-two")[0];
		LocalDate soon = LocalDate.now().plusDays(5);
		expire(this.first, soon);
		expire(this.second, soon.plusDays(10));
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldExtendEachFromItsOwnExpiryAndReportUnknownIds() {
		String unknown = UUID.randomUUID().toString();
		HttpGraphQlTester.Response response = this.network.graphQl()
			.document(BULK)
			.variable("input", Map.of("subscriberIds", List.of(this.first, unknown, this.second), "days", 30))
			.execute();

		response.path("bulkExtendSubscriptions.accepted").entity(Integer.class).isEqualTo(2);
		response.path("bulkExtendSubscriptions.rejected[0].row").entity(Integer.class).isEqualTo(1);
		response.path("bulkExtendSubscriptions.rejected[0].errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(expiresOn(this.first)).isEqualTo(LocalDate.now().plusDays(35).toString());
		assertThat(expiresOn(this.second)).isEqualTo(LocalDate.now().plusDays(45).toString());
	}

	@Test
	void shouldRefuseBothOrNeitherSelectionAndBothOrNeitherExtension() {
		this.network.graphQl()
			.document(BULK)
			.variable("input", Map.of("days", 30))
			.execute()
			.path("bulkExtendSubscriptions.errors[0].field")
			.entity(String.class)
			.isEqualTo("subscriberIds");
		this.network.graphQl()
			.document(BULK)
			.variable("input", Map.of("subscriberIds", List.of(this.first)))
			.execute()
			.path("bulkExtendSubscriptions.accepted")
			.entity(Integer.class)
			.isEqualTo(0);
		assertThat(expiresOn(this.first)).isEqualTo(LocalDate.now().plusDays(5).toString());
	}

	@Test
	void shouldExtendByFilterAndNeverReachAnotherTenant() {
		HttpGraphQlTester intruder = as(TestTokens.forTenant(newTenant("bulkext-b").slug(), "TENANT_ADMIN"));
		intruder.document(BULK)
			.variable("input", Map.of("subscriberIds", List.of(this.first), "days", 365))
			.execute()
			.path("bulkExtendSubscriptions.rejected[0].errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		intruder.document(BULK)
			.variable("input", Map.of("filter", Map.of(), "days", 365))
			.execute()
			.path("bulkExtendSubscriptions.accepted")
			.entity(Integer.class)
			.isEqualTo(0);
		assertThat(expiresOn(this.first)).isEqualTo(LocalDate.now().plusDays(5).toString());

		this.network.graphQl()
			.document(BULK)
			.variable("input", Map.of("filter", Map.of("routerId", this.network.routerId()), "days", 1))
			.execute()
			.path("bulkExtendSubscriptions.accepted")
			.entity(Integer.class)
			.isEqualTo(2);
		assertThat(expiresOn(this.first)).isEqualTo(LocalDate.now().plusDays(6).toString());
	}

	private void expire(String subscriberId, LocalDate until) {
		this.network.graphQl()
			.document(EXTEND)
			.variable("id", subscriberId)
			.variable("until", until.toString())
			.execute()
			.path("extendSubscription.expiresOn")
			.entity(String.class)
			.isEqualTo(until.toString());
	}

	private String expiresOn(String subscriberId) {
		return this.network.graphQl()
			.document("query($id: ID!) { subscriber(id: $id) { expiresOn } }")
			.variable("id", subscriberId)
			.execute()
			.path("subscriber.expiresOn")
			.entity(String.class)
			.get();
	}

}
