package io.towerline.api.operation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.towerline.api.graphql.GraphQlSliceConfiguration;
import io.towerline.api.security.TenantGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.then;

/**
 * A subscription refused by its role rule carries the same code as a query would: a
 * caller with no authentication, or the anonymous one, is asked to authenticate
 * (UNAUTHENTICATED); an authenticated caller without the role is FORBIDDEN. Nothing is
 * followed either way.
 */
@GraphQlTest(OperationFeedController.class)
@Import(GraphQlSliceConfiguration.class)
class OperationFeedAccessTests {

	private static final String FEED = "subscription { operationsChanged { id } }";

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private OperationFeed feed;

	@MockitoBean
	private TenantGate tenants;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldAskACallerWithNoAuthenticationToAuthenticate() {
		SecurityContextHolder.clearContext();
		assertThat(refusal()).containsEntry("code", "UNAUTHENTICATED");
	}

	@Test
	void shouldAskTheAnonymousCallerToAuthenticate() {
		signIn(new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(refusal()).containsEntry("code", "UNAUTHENTICATED");
	}

	@Test
	void shouldForbidAnAuthenticatedCallerWithoutATenantRole() {
		signIn(new TestingAuthenticationToken("admin", "n/a", "ROLE_PLATFORM_ADMIN"));
		assertThat(refusal()).containsEntry("code", "FORBIDDEN");
	}

	/** The one error the subscription's stream ends with, having followed nothing. */
	private Map<String, Object> refusal() {
		Flux<?> stream = this.graphQl.document(FEED).executeSubscription().toFlux();
		Map<String, Object> extensions = new HashMap<>();
		assertThatExceptionOfType(SubscriptionPublisherException.class)
			.isThrownBy(() -> stream.blockFirst(Duration.ofSeconds(10)))
			.satisfies((ended) -> assertThat(ended.getErrors()).singleElement()
				.satisfies((error) -> extensions.putAll(error.getExtensions())));
		then(this.feed).shouldHaveNoInteractions();
		return extensions;
	}

	private static void signIn(Authentication authentication) {
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

}
