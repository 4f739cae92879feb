package io.towerline.api.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.api.graphql.GraphQlSliceConfiguration;
import io.towerline.core.plan.PlanListing;
import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.ProfileSettings;
import io.towerline.core.plan.RateLimit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * The plan controller alone, with the plan service mocked: how plans and refusals map to
 * the schema, how domain exceptions become coded GraphQL errors, and which roles may do
 * what.
 */
@GraphQlTest(PlanController.class)
@Import(GraphQlSliceConfiguration.class)
class PlanControllerTests {

	private static final String CREATE = """
			mutation { createPlan(input: {name: "Basic", downloadRate: "20M", uploadRate: "5M"}) {
			  plan { id name } errors { field code message } } }""";

	private static final String DELETE = """
			mutation($id: ID!) { deletePlan(input: {id: $id}) { deletedId errors { code } } }""";

	private static final String PLAN = """
			query($id: ID!) { plan(id: $id) { id name profileName downloadRate uploadRate rateLimit
			  burst { downloadRate uploadRate downloadThreshold uploadThreshold seconds }
			  gracePlan { id name } createdAt } }""";

	@Autowired
	private GraphQlTester graphQl;

	// the list and its orders (not exercised here) come from their own service
	@MockitoBean
	private PlanListing listing;

	@MockitoBean
	private Plans plans;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldMapAPlanWithItsRatesBurstAndGracePlan() {
		signIn("VIEWER");
		Plan grace = plan("Grace", RateLimit.parse("1M/1M"), null);
		Plan plan = plan("Premium", RateLimit.parse("10M/50M 20M/100M 8M/40M 30/30"), grace.id());
		given(this.plans.get(plan.id())).willReturn(plan);
		given(this.plans.getAll(List.of(grace.id()))).willReturn(List.of(grace));

		GraphQlTester.Response response = this.graphQl.document(PLAN).variable("id", plan.id()).execute();

		response.errors().verify();
		response.path("plan.id").entity(UUID.class).isEqualTo(plan.id());
		response.path("plan.name").entity(String.class).isEqualTo("Premium");
		response.path("plan.profileName").entity(String.class).isEqualTo("Premium");
		response.path("plan.uploadRate").entity(Long.class).isEqualTo(10_000_000L);
		response.path("plan.downloadRate").entity(Long.class).isEqualTo(50_000_000L);
		response.path("plan.rateLimit").entity(String.class).isEqualTo(plan.routerRateLimit());
		response.path("plan.burst.uploadRate").entity(Long.class).isEqualTo(20_000_000L);
		response.path("plan.burst.downloadRate").entity(Long.class).isEqualTo(100_000_000L);
		response.path("plan.burst.uploadThreshold").entity(Long.class).isEqualTo(8_000_000L);
		response.path("plan.burst.downloadThreshold").entity(Long.class).isEqualTo(40_000_000L);
		response.path("plan.burst.seconds").entity(Integer.class).isEqualTo(30);
		response.path("plan.gracePlan.name").entity(String.class).isEqualTo("Grace");
		response.path("plan.createdAt").entity(String.class).isEqualTo("2026-01-02T03:04:05Z");
	}

	@Test
	void shouldMapAPlanWithoutBurstOrGracePlanToNulls() {
		signIn("OPERATOR");
		Plan plan = plan("Basic", RateLimit.parse("5M/20M"), null);
		given(this.plans.get(plan.id())).willReturn(plan);

		GraphQlTester.Response response = this.graphQl.document(PLAN).variable("id", plan.id()).execute();

		response.errors().verify();
		response.path("plan.burst").valueIsNull();
		response.path("plan.gracePlan").valueIsNull();
	}

	@Test
	void shouldPassTheRatesOfACreatedPlanToTheServiceAndMapTheResult() {
		signIn("OPERATOR");
		Plan created = plan("Basic", RateLimit.parse("5M/20M"), null);
		given(this.plans.create(any())).willReturn(created);

		this.graphQl.document(CREATE)
			.execute()
			.path("createPlan.plan.id")
			.entity(UUID.class)
			.isEqualTo(created.id())
			.path("createPlan.errors")
			.entityList(Object.class)
			.hasSize(0);

		then(this.plans).should()
			.create(new PlanDetails("Basic", "Basic", new RateLimit(5_000_000, 20_000_000, null), null,
					ProfileSettings.NONE));
	}

	@Test
	void shouldReturnTheServicesFieldErrorsInThePayload() {
		signIn("TENANT_ADMIN");
		given(this.plans.create(any()))
			.willThrow(new InvalidInputException(List.of(FieldError.invalid("name", "The name is taken"))));

		GraphQlTester.Response response = this.graphQl.document(CREATE).execute();

		response.errors().verify();
		response.path("createPlan.plan").valueIsNull();
		response.path("createPlan.errors[0].field").entity(String.class).isEqualTo("name");
		response.path("createPlan.errors[0].code").entity(String.class).isEqualTo("VALIDATION_FAILED");
		response.path("createPlan.errors[0].message").entity(String.class).isEqualTo("The name is taken");
	}

	@Test
	void shouldRefuseBadRatesOnTheirOwnFieldsWithoutCallingTheService() {
		signIn("OPERATOR");

		this.graphQl.document("""
				mutation { createPlan(input: {name: "X", downloadRate: "fast", uploadRate: "5G"}) {
				  plan { id } errors { field code } } }""")
			.execute()
			.path("createPlan.errors[*].field")
			.entityList(String.class)
			.containsExactly("downloadRate", "uploadRate")
			.path("createPlan.errors[*].code")
			.entityList(String.class)
			.containsExactly("VALIDATION_FAILED", "VALIDATION_FAILED");

		then(this.plans).shouldHaveNoInteractions();
	}

	@Test
	void shouldPassProfileSettingsToTheServiceAndMapThemBack() {
		signIn("OPERATOR");
		ProfileSettings settings = ProfileSettings.of("10.0.0.1", "pool-home", "10.1.0.0/24",
				List.of("1.1.1.1", "9.9.9.9"), true, "subs", "uplink", Duration.ofHours(12), null);
		Plan created = plan("Home", RateLimit.parse("5M/20M"), null);
		given(created.profileSettings()).willReturn(settings);
		given(this.plans.create(any())).willReturn(created);

		GraphQlTester.Response response = this.graphQl.document("""
				mutation { createPlan(input: {name: "Home", profileName: "home", downloadRate: "20M", uploadRate: "5M",
				  profile: {localAddress: "10.0.0.1", remoteAddress: "pool-home", poolRanges: "10.1.0.0/24",
				    dnsServers: ["1.1.1.1", "9.9.9.9"], onlyOne: true, addressList: "subs", parentQueue: "uplink",
				    sessionTimeoutSeconds: 43200}}) {
				  plan { profile { localAddress remoteAddress poolRanges dnsServers onlyOne addressList parentQueue
				    sessionTimeoutSeconds idleTimeoutSeconds } } errors { field } } }""").execute();

		response.errors().verify();
		response.path("createPlan.plan.profile.dnsServers")
			.entityList(String.class)
			.containsExactly("1.1.1.1", "9.9.9.9");
		response.path("createPlan.plan.profile.sessionTimeoutSeconds").entity(Long.class).isEqualTo(43_200L);
		response.path("createPlan.plan.profile.idleTimeoutSeconds").valueIsNull();
		response.path("createPlan.plan.profile.poolRanges").entity(String.class).isEqualTo("10.1.0.0/24");
		then(this.plans).should()
			.create(new PlanDetails("Home", "home", new RateLimit(5_000_000, 20_000_000, null), null, settings));
	}

	@Test
	void shouldNameBadProfileSettingsUnderProfileWithoutCallingTheService() {
		signIn("OPERATOR");

		this.graphQl
			.document(
					"""
							mutation { createPlan(input: {name: "X", downloadRate: "20M", uploadRate: "5M",
							  profile: {localAddress: "300.1.1.1", dnsServers: ["a", "1.1.1.1", "8.8.8.8"], sessionTimeoutSeconds: 0}}) {
							  plan { id } errors { field code } } }""")
			.execute()
			.path("createPlan.errors[*].field")
			.entityList(String.class)
			.containsExactly("profile.localAddress", "profile.dnsServers", "profile.dnsServers",
					"profile.sessionTimeout");

		then(this.plans).shouldHaveNoInteractions();
	}

	@Test
	void shouldMapAMissingPlanToANotFoundError() {
		signIn("VIEWER");
		UUID id = UUID.randomUUID();
		given(this.plans.get(id)).willThrow(new NotFoundException("Plan", id));

		this.graphQl.document(PLAN)
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& List.of("plan").equals(error.getParsedPath()))
			.verify();
	}

	@Test
	void shouldHideAnUnexpectedFailureBehindAnInternalError() {
		signIn("VIEWER");
		UUID id = UUID.randomUUID();
		given(this.plans.get(id)).willThrow(new IllegalStateException("select * from plan -- secret detail"));

		this.graphQl.document(PLAN)
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR");
				assertThat(error.getMessage()).doesNotContain("select", "secret");
			}));
	}

	@Test
	void shouldRefuseAMalformedIdBeforeTheService() {
		signIn("VIEWER");

		this.graphQl.document(PLAN)
			.variable("id", "not-a-uuid")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsKey("code")
					.doesNotContainEntry("code", "INTERNAL_ERROR")));

		then(this.plans).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "TENANT_ADMIN", "OPERATOR", "VIEWER" })
	void shouldLetEveryTenantRoleReadPlans(String role) {
		signIn(role);
		Plan plan = plan("Basic", RateLimit.parse("5M/20M"), null);
		given(this.plans.get(plan.id())).willReturn(plan);

		this.graphQl.document(PLAN)
			.variable("id", plan.id())
			.execute()
			.path("plan.name")
			.entity(String.class)
			.isEqualTo("Basic");
	}

	@Test
	void shouldRefuseAPlatformAdminTheTenantsPlans() {
		signIn("PLATFORM_ADMIN");

		this.graphQl.document(PLAN)
			.variable("id", UUID.randomUUID())
			.execute()
			.errors()
			.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();

		then(this.plans).shouldHaveNoInteractions();
	}

	@Test
	void shouldRefuseAViewerAChangeWithoutCallingTheService() {
		signIn("VIEWER");

		this.graphQl.document(CREATE)
			.execute()
			.errors()
			.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();

		then(this.plans).shouldHaveNoInteractions();
	}

	@Test
	void shouldLeaveDeletionToTenantAdmins() {
		UUID id = UUID.randomUUID();
		signIn("OPERATOR");
		this.graphQl.document(DELETE)
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		then(this.plans).shouldHaveNoInteractions();

		signIn("TENANT_ADMIN");
		this.graphQl.document(DELETE)
			.variable("id", id)
			.execute()
			.path("deletePlan.deletedId")
			.entity(UUID.class)
			.isEqualTo(id);
		then(this.plans).should().delete(eq(id), any(Actor.class));
	}

	/**
	 * The anonymous caller, and one with no authentication at all (method security then
	 * refuses with an authentication exception, not access denied): both are asked to
	 * authenticate, neither is told of an internal error.
	 */
	@Test
	void shouldAskAnAnonymousOrUnauthenticatedCallerToAuthenticate() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		for (boolean anonymous : new boolean[] { true, false }) {
			if (!anonymous) {
				SecurityContextHolder.clearContext();
			}
			this.graphQl.document(PLAN)
				.variable("id", UUID.randomUUID())
				.execute()
				.errors()
				.expect((error) -> "UNAUTHENTICATED".equals(error.getExtensions().get("code")))
				.verify();
		}

		then(this.plans).shouldHaveNoInteractions();
	}

	private static void signIn(String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("user", "n/a", "ROLE_" + role));
	}

	private static Plan plan(String name, RateLimit rateLimit, @Nullable UUID gracePlanId) {
		Plan plan = mock(Plan.class);
		given(plan.id()).willReturn(UUID.randomUUID());
		given(plan.name()).willReturn(name);
		given(plan.profileName()).willReturn(name);
		given(plan.rateLimit()).willReturn(rateLimit);
		given(plan.routerRateLimit()).willReturn(rateLimit.toRouterOs());
		given(plan.gracePlanId()).willReturn(gracePlanId);
		given(plan.createdAt()).willReturn(Instant.parse("2026-01-02T03:04:05Z"));
		given(plan.updatedAt()).willReturn(Instant.parse("2026-01-02T03:04:05Z"));
		return plan;
	}

}
