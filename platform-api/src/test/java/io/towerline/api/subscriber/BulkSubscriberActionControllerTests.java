package io.towerline.api.subscriber;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.graphql.GraphQlSliceConfiguration;
import io.towerline.core.subscriber.BulkAction;
import io.towerline.core.subscriber.BulkOutcome;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.SubscriberSelection;
import io.towerline.core.subscriber.SubscriberStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/** The bulk action mapping: selection by ids or filter, exactly one, and who may. */
@GraphQlTest(BulkSubscriberActionController.class)
@Import(GraphQlSliceConfiguration.class)
class BulkSubscriberActionControllerTests {

	private static final String BULK = """
			mutation($input: BulkSubscriberActionInput!) { bulkSubscriberAction(input: $input) {
			  accepted errors { field code } } }""";

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private BulkSubscribers bulk;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldPassAFilterToTheService() {
		signIn("OPERATOR");
		UUID router = UUID.randomUUID();
		given(this.bulk.apply(any(), any(), any(), any())).willReturn(new BulkOutcome(List.of(), List.of(), List.of()));

		this.graphQl.document(BULK)
			.variable("input", Map.of("action", "SUSPEND", "filter", Map.of("routerId", router, "status", "ACTIVE")))
			.execute()
			.path("bulkSubscriberAction.errors")
			.entityList(Object.class)
			.hasSize(0);

		then(this.bulk).should()
			.apply(eq(BulkAction.SUSPEND),
					eq(SubscriberSelection.matching(router, null, null, SubscriberStatus.ACTIVE)), eq(null), any());
	}

	@Test
	void shouldRefuseBothOrNeitherSelectionWithoutCallingTheService() {
		signIn("TENANT_ADMIN");
		for (Map<String, Object> input : List.of(Map.<String, Object>of("action", "ENABLE"), Map
			.<String, Object>of("action", "ENABLE", "subscriberIds", List.of(UUID.randomUUID()), "filter", Map.of()))) {
			this.graphQl.document(BULK)
				.variable("input", input)
				.execute()
				.path("bulkSubscriberAction.errors[0].field")
				.entity(String.class)
				.isEqualTo("subscriberIds");
		}
		then(this.bulk).shouldHaveNoInteractions();
	}

	@Test
	void shouldRefuseAViewer() {
		signIn("VIEWER");

		this.graphQl.document(BULK)
			.variable("input", Map.of("action", "ENABLE", "subscriberIds", List.of(UUID.randomUUID())))
			.execute()
			.errors()
			.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		then(this.bulk).shouldHaveNoInteractions();
	}

	private static void signIn(String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("user", "n/a", "ROLE_" + role));
	}

}
