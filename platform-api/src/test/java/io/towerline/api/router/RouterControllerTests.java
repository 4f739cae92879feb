package io.towerline.api.router;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.api.graphql.GraphQlSliceConfiguration;
import io.towerline.core.router.RouterListing;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.pop.Pop;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.RouterHealth;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.router.RouterStatus;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * The router controller alone, with the router services mocked: how routers, their health
 * and refusals map to the schema, how the password and the verify flag reach the service,
 * and which roles may do what.
 */
@GraphQlTest(RouterController.class)
@Import(GraphQlSliceConfiguration.class)
class RouterControllerTests {

	private static final String ROUTER = """
			query($id: ID!) { router(id: $id) { id name host port apiSsl certificateFingerprint username
			  pop { id name } health { status detail identity routerOsVersion uptimeSeconds lastSeenAt } } }""";

	private static final String CREATE = """
			mutation($verify: Boolean) { createRouter(input: {name: "Tower", host: "10.0.0.1", username: "admin",
			  password: "s3cret", verifyConnection: $verify}) { router { id } errors { field code message } } }""";

	private static final String TEST_CONNECTION = """
			mutation($id: ID!) { testRouterConnection(input: {id: $id}) { reachable router { id } identity
			  routerOsVersion board uptimeSeconds error { status message } } }""";

	private static final String DELETE = """
			mutation($id: ID!) { deleteRouter(input: {id: $id}) { deletedId errors { code } } }""";

	@Autowired
	private GraphQlTester graphQl;

	// the list and its orders (not exercised here) come from their own service
	@MockitoBean
	private RouterListing listing;

	@MockitoBean
	private Routers routers;

	@MockitoBean
	private RouterHealthCheck healthCheck;

	@MockitoBean
	private PointsOfPresence pops;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldMapARouterWithItsPopAndHealth() {
		signIn("VIEWER");
		Pop pop = mock(Pop.class);
		given(pop.id()).willReturn(UUID.randomUUID());
		given(pop.name()).willReturn("North");
		Router router = router(RouterStatus.ONLINE, null, pop.id());
		given(this.routers.get(router.id())).willReturn(router);
		given(this.pops.getAll(List.of(pop.id()))).willReturn(List.of(pop));

		GraphQlTester.Response response = this.graphQl.document(ROUTER).variable("id", router.id()).execute();

		response.errors().verify();
		response.path("router.name").entity(String.class).isEqualTo("Tower");
		response.path("router.host").entity(String.class).isEqualTo("10.0.0.1");
		response.path("router.port").entity(Integer.class).isEqualTo(8729);
		response.path("router.apiSsl").entity(Boolean.class).isEqualTo(true);
		response.path("router.certificateFingerprint").valueIsNull();
		response.path("router.username").entity(String.class).isEqualTo("admin");
		response.path("router.pop.name").entity(String.class).isEqualTo("North");
		response.path("router.health.status").entity(String.class).isEqualTo("ONLINE");
		response.path("router.health.identity").entity(String.class).isEqualTo("tower-1");
		response.path("router.health.routerOsVersion").entity(String.class).isEqualTo("7.16");
		response.path("router.health.uptimeSeconds").entity(Long.class).isEqualTo(3600L);
		response.path("router.health.lastSeenAt").entity(String.class).isEqualTo("2026-01-02T03:04:05Z");
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "null, true", "true, true", "false, false" })
	void shouldPassThePasswordAndTheVerifyFlagToTheService(@Nullable Boolean verifyConnection, boolean verify) {
		signIn("OPERATOR");
		Router router = router(RouterStatus.UNKNOWN, null, null);
		given(this.routers.create(any(), anyString(), anyBoolean(), any())).willReturn(router);

		this.graphQl.document(CREATE)
			.variable("verify", verifyConnection)
			.execute()
			.path("createRouter.router.id")
			.entity(UUID.class)
			.isEqualTo(router.id());

		then(this.routers).should()
			.create(eq(RouterDetails.of("Tower", "10.0.0.1", null, null, null, null, "admin")), eq("s3cret"),
					eq(verify), any());
	}

	@Test
	void shouldReturnARouterThatRefusedTheLoginAsAPayloadErrorOnThePassword() {
		signIn("TENANT_ADMIN");
		given(this.routers.create(any(), anyString(), anyBoolean(), any())).willThrow(new InvalidInputException(
				new FieldError("password", ErrorCode.ROUTER_AUTH_FAILED, "The router refused the login")));

		GraphQlTester.Response response = this.graphQl.document(CREATE).execute();

		response.errors().verify();
		response.path("createRouter.router").valueIsNull();
		response.path("createRouter.errors[0].field").entity(String.class).isEqualTo("password");
		response.path("createRouter.errors[0].code").entity(String.class).isEqualTo("ROUTER_AUTH_FAILED");
	}

	@Test
	void shouldReportAReachableRouterWithWhatItSaid() {
		signIn("OPERATOR");
		Router router = router(RouterStatus.ONLINE, null, null);
		given(this.healthCheck.checkOnRequest(eq(router.id()), any())).willReturn(router);

		GraphQlTester.Response response = this.graphQl.document(TEST_CONNECTION).variable("id", router.id()).execute();

		response.errors().verify();
		response.path("testRouterConnection.reachable").entity(Boolean.class).isEqualTo(true);
		response.path("testRouterConnection.identity").entity(String.class).isEqualTo("tower-1");
		response.path("testRouterConnection.routerOsVersion").entity(String.class).isEqualTo("7.16");
		response.path("testRouterConnection.board").entity(String.class).isEqualTo("RB5009");
		response.path("testRouterConnection.error").valueIsNull();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "UNREACHABLE, ROUTER_UNREACHABLE: connection refused, ROUTER_UNREACHABLE: connection refused",
					"AUTH_FAILED, null, AUTH_FAILED" })
	void shouldReportAnUnreachableRouterWithItsStatusAndNothingItDidNotSay(RouterStatus status, @Nullable String detail,
			String message) {
		signIn("OPERATOR");
		Router router = router(status, detail, null);
		given(this.healthCheck.checkOnRequest(eq(router.id()), any())).willReturn(router);

		GraphQlTester.Response response = this.graphQl.document(TEST_CONNECTION).variable("id", router.id()).execute();

		response.errors().verify();
		response.path("testRouterConnection.reachable").entity(Boolean.class).isEqualTo(false);
		response.path("testRouterConnection.identity").valueIsNull();
		response.path("testRouterConnection.routerOsVersion").valueIsNull();
		response.path("testRouterConnection.error.status").entity(String.class).isEqualTo(status.name());
		response.path("testRouterConnection.error.message").entity(String.class).isEqualTo(message);
	}

	@Test
	void shouldMapAnUnknownRouterToANotFoundError() {
		signIn("OPERATOR");
		UUID id = UUID.randomUUID();
		given(this.healthCheck.checkOnRequest(eq(id), any())).willThrow(new NotFoundException("Router", id));

		this.graphQl.document(TEST_CONNECTION)
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	@Test
	void shouldRefuseAViewerEveryChangeAndTheConnectionTest() {
		signIn("VIEWER");
		UUID id = UUID.randomUUID();

		expectForbidden(this.graphQl.document(CREATE).execute());
		expectForbidden(this.graphQl.document(TEST_CONNECTION).variable("id", id).execute());
		expectForbidden(this.graphQl.document(DELETE).variable("id", id).execute());

		then(this.routers).shouldHaveNoInteractions();
		then(this.healthCheck).shouldHaveNoInteractions();
	}

	@Test
	void shouldLeaveDeletionToTenantAdmins() {
		UUID id = UUID.randomUUID();
		signIn("OPERATOR");
		expectForbidden(this.graphQl.document(DELETE).variable("id", id).execute());
		then(this.routers).shouldHaveNoInteractions();

		signIn("TENANT_ADMIN");
		this.graphQl.document(DELETE)
			.variable("id", id)
			.execute()
			.path("deleteRouter.deletedId")
			.entity(UUID.class)
			.isEqualTo(id);
		then(this.routers).should().delete(id);
	}

	@Test
	void shouldReturnARefusedDeletionInThePayload() {
		signIn("TENANT_ADMIN");
		UUID id = UUID.randomUUID();
		willThrow(new InvalidInputException(
				new FieldError("id", ErrorCode.INVALID_STATE, "The router still has subscribers")))
			.given(this.routers)
			.delete(id);

		GraphQlTester.Response response = this.graphQl.document(DELETE).variable("id", id).execute();

		response.errors().verify();
		response.path("deleteRouter.deletedId").valueIsNull();
		response.path("deleteRouter.errors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
	}

	private static void expectForbidden(GraphQlTester.Response response) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private static void signIn(String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("user", "n/a", "ROLE_" + role));
	}

	private static Router router(RouterStatus status, @Nullable String detail, @Nullable UUID popId) {
		RouterHealth health = mock(RouterHealth.class);
		given(health.status()).willReturn(status);
		given(health.detail()).willReturn(detail);
		if (status == RouterStatus.ONLINE) {
			given(health.identity()).willReturn("tower-1");
			given(health.routerOsVersion()).willReturn("7.16");
			given(health.board()).willReturn("RB5009");
			given(health.uptimeSeconds()).willReturn(3600L);
			given(health.lastSeenAt()).willReturn(Instant.parse("2026-01-02T03:04:05Z"));
		}
		Router router = mock(Router.class);
		given(router.id()).willReturn(UUID.randomUUID());
		given(router.name()).willReturn("Tower");
		given(router.host()).willReturn("10.0.0.1");
		given(router.port()).willReturn(8729);
		given(router.apiSsl()).willReturn(true);
		given(router.username()).willReturn("admin");
		given(router.popId()).willReturn(popId);
		given(router.health()).willReturn(health);
		given(router.createdAt()).willReturn(Instant.EPOCH);
		given(router.updatedAt()).willReturn(Instant.EPOCH);
		return router;
	}

}
