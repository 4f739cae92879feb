package io.towerline.api.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.towerline.api.graphql.GraphQlSliceConfiguration;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.Contact;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.Subscribers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * The subscriber controller alone, with the services mocked: how subscribers and refusals
 * map to the schema, how the input becomes a draft, how domain exceptions become coded
 * GraphQL errors, and which roles may change subscribers.
 */
@GraphQlTest(SubscriberController.class)
@Import(GraphQlSliceConfiguration.class)
class SubscriberControllerTests {

	private static final String SUBSCRIBER = """
			query($id: ID!) { subscriber(id: $id) { id username status fullName email phone address expiresOn notes
			  plan { name } router { name } } }""";

	private static final String CREATE = """
			mutation($input: CreateSubscriberInput!) { createSubscriber(input: $input) {
			  subscriber { id username } errors { field code message } } }""";

	private static final String LIFECYCLE = """
			mutation($id: ID!) { %s(input: {id: $id}) { subscriber { id status } errors { code } } }""";

	private static final String REVEAL = """
			mutation($id: ID!) { revealSubscriberPassword(input: {id: $id}) { password errors { code } } }""";

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private Subscribers subscribers;

	@MockitoBean
	private BulkSubscribers bulk;

	@MockitoBean
	private Plans plans;

	@MockitoBean
	private Routers routers;

	@MockitoBean
	private RouterCommandLog commandLog;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldMapASubscriberWithContactPlanAndRouter() {
		signIn("VIEWER");
		Plan plan = mock(Plan.class);
		given(plan.id()).willReturn(UUID.randomUUID());
		given(plan.name()).willReturn("Basic");
		Router router = mock(Router.class);
		given(router.id()).willReturn(UUID.randomUUID());
		given(router.name()).willReturn("Tower");
		Subscriber alice = subscriber("alice", SubscriberStatus.SUSPENDED, plan.id(), router.id());
		given(alice.contact()).willReturn(new Contact("Alice Doe", "alice@example.net", "+1 555", "Main St 1"));
		given(alice.expiresOn()).willReturn(LocalDate.of(2027, 3, 31));
		given(alice.notes()).willReturn("line one\nline two");
		given(this.subscribers.get(alice.id())).willReturn(alice);
		given(this.plans.getAll(List.of(plan.id()))).willReturn(List.of(plan));
		given(this.routers.getAll(List.of(router.id()))).willReturn(List.of(router));

		GraphQlTester.Response response = this.graphQl.document(SUBSCRIBER).variable("id", alice.id()).execute();

		response.errors().verify();
		response.path("subscriber.username").entity(String.class).isEqualTo("alice");
		response.path("subscriber.status").entity(String.class).isEqualTo("SUSPENDED");
		response.path("subscriber.fullName").entity(String.class).isEqualTo("Alice Doe");
		response.path("subscriber.email").entity(String.class).isEqualTo("alice@example.net");
		response.path("subscriber.phone").entity(String.class).isEqualTo("+1 555");
		response.path("subscriber.address").entity(String.class).isEqualTo("Main St 1");
		response.path("subscriber.expiresOn").entity(String.class).isEqualTo("2027-03-31");
		response.path("subscriber.notes").entity(String.class).isEqualTo("line one\nline two");
		response.path("subscriber.plan.name").entity(String.class).isEqualTo("Basic");
		response.path("subscriber.router.name").entity(String.class).isEqualTo("Tower");
	}

	@Test
	void shouldMapASubscriberWithoutContactToNulls() {
		signIn("VIEWER");
		Subscriber bob = subscriber("bob", SubscriberStatus.ACTIVE, UUID.randomUUID(), UUID.randomUUID());
		given(bob.contact()).willReturn(Contact.NONE);
		given(this.subscribers.get(bob.id())).willReturn(bob);

		GraphQlTester.Response response = this.graphQl.document("""
				query($id: ID!) { subscriber(id: $id) { fullName email phone address expiresOn } }""")
			.variable("id", bob.id())
			.execute();

		response.errors().verify();
		for (String field : List.of("fullName", "email", "phone", "address", "expiresOn")) {
			response.path("subscriber." + field).valueIsNull();
		}
	}

	@Test
	void shouldPassTheInputAsADraftAndMapTheCreatedSubscriber() {
		signIn("OPERATOR");
		UUID planId = UUID.randomUUID();
		UUID routerId = UUID.randomUUID();
		Subscriber alice = subscriber("alice", SubscriberStatus.PENDING, planId, routerId);
		given(this.subscribers.create(any(), any())).willReturn(new Changed(alice, null));

		this.graphQl.document(CREATE)
			.variable("input",
					Map.of("username", "alice", "password", "pa ss", "planId", planId, "routerId", routerId, "fullName",
							"Alice Doe", "expiresOn", "2027-03-31"))
			.execute()
			.path("createSubscriber.subscriber.id")
			.entity(UUID.class)
			.isEqualTo(alice.id())
			.path("createSubscriber.errors")
			.entityList(Object.class)
			.hasSize(0);

		ArgumentCaptor<SubscriberDraft> draft = ArgumentCaptor.forClass(SubscriberDraft.class);
		then(this.subscribers).should().create(draft.capture(), any());
		assertThat(draft.getValue().username()).isEqualTo("alice");
		assertThat(draft.getValue().password()).isEqualTo("pa ss");
		assertThat(draft.getValue().planId()).isEqualTo(planId);
		assertThat(draft.getValue().routerId()).isEqualTo(routerId);
		assertThat(draft.getValue().popId()).isNull();
		assertThat(draft.getValue().profile().contact().fullName()).isEqualTo("Alice Doe");
		assertThat(draft.getValue().profile().expiresOn()).isEqualTo(LocalDate.of(2027, 3, 31));
	}

	@Test
	void shouldReturnTheServicesRefusalInThePayload() {
		signIn("TENANT_ADMIN");
		given(this.subscribers.create(any(), any())).willThrow(new InvalidInputException(
				List.of(new FieldError("username", ErrorCode.DUPLICATE, "The username is taken"),
						FieldError.invalid("planId", "Choose a plan"))));

		GraphQlTester.Response response = this.graphQl.document(CREATE)
			.variable("input", Map.of("username", "alice", "password", "pa ss", "planId", UUID.randomUUID()))
			.execute();

		response.errors().verify();
		response.path("createSubscriber.subscriber").valueIsNull();
		response.path("createSubscriber.errors[*].field")
			.entityList(String.class)
			.containsExactly("username", "planId");
		response.path("createSubscriber.errors[*].code")
			.entityList(String.class)
			.containsExactly("DUPLICATE", "VALIDATION_FAILED");
	}

	@Test
	void shouldRefuseAMalformedExpiryDateInThePayloadWithoutTheService() {
		signIn("OPERATOR");

		this.graphQl.document(CREATE)
			.variable("input",
					Map.of("username", "alice", "password", "pa ss", "planId", UUID.randomUUID(), "expiresOn",
							"31/03/2027"))
			.execute()
			.path("createSubscriber.errors[*].field")
			.entityList(String.class)
			.containsExactly("expiresOn");

		then(this.subscribers).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "enableSubscriber", "disableSubscriber", "suspendSubscriber", "deleteSubscriber" })
	void shouldSendEachLifecycleChangeToItsServiceMethod(String mutation) {
		signIn("OPERATOR");
		Subscriber alice = subscriber("alice", SubscriberStatus.ACTIVE, UUID.randomUUID(), UUID.randomUUID());
		given(this.subscribers.enable(eq(alice.id()), any())).willReturn(new Changed(alice, null));
		given(this.subscribers.disable(eq(alice.id()), any())).willReturn(new Changed(alice, null));
		given(this.subscribers.suspend(eq(alice.id()), any())).willReturn(new Changed(alice, null));
		given(this.subscribers.delete(eq(alice.id()), any())).willReturn(new Changed(alice, null));

		this.graphQl.document(LIFECYCLE.formatted(mutation))
			.variable("id", alice.id())
			.execute()
			.path(mutation + ".subscriber.id")
			.entity(UUID.class)
			.isEqualTo(alice.id());

		Consumer<Subscribers> expected = switch (mutation) {
			case "enableSubscriber" -> (service) -> service.enable(eq(alice.id()), any());
			case "disableSubscriber" -> (service) -> service.disable(eq(alice.id()), any());
			case "suspendSubscriber" -> (service) -> service.suspend(eq(alice.id()), any());
			default -> (service) -> service.delete(eq(alice.id()), any());
		};
		expected.accept(then(this.subscribers).should());
		then(this.subscribers).shouldHaveNoMoreInteractions();
	}

	@Test
	void shouldMapARefusedStateChangeToAGraphQlErrorWithItsCode() {
		signIn("OPERATOR");
		UUID id = UUID.randomUUID();
		given(this.subscribers.enable(eq(id), any()))
			.willThrow(new DomainException(ErrorCode.INVALID_STATE, "The subscriber is being deleted"));

		this.graphQl.document(LIFECYCLE.formatted("enableSubscriber"))
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "INVALID_STATE");
				assertThat(error.getMessage()).isEqualTo("The subscriber is being deleted");
				assertThat(error.getParsedPath()).containsExactly("enableSubscriber");
			}));
	}

	@Test
	void shouldMapAMissingSubscriberToANotFoundError() {
		signIn("VIEWER");
		UUID id = UUID.randomUUID();
		given(this.subscribers.get(id)).willThrow(new NotFoundException("Subscriber", id));

		this.graphQl.document(SUBSCRIBER)
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	@Test
	void shouldRevealThePasswordToAnOperator() {
		signIn("OPERATOR");
		Subscriber alice = subscriber("alice", SubscriberStatus.ACTIVE, UUID.randomUUID(), UUID.randomUUID());
		given(this.subscribers.get(alice.id())).willReturn(alice);
		given(this.subscribers.revealPassword(eq(alice.id()), any())).willReturn("pa ss");

		this.graphQl.document(REVEAL)
			.variable("id", alice.id())
			.execute()
			.path("revealSubscriberPassword.password")
			.entity(String.class)
			.isEqualTo("pa ss");
	}

	@ParameterizedTest
	@ValueSource(strings = { "enableSubscriber", "disableSubscriber", "suspendSubscriber", "deleteSubscriber",
			"revealSubscriberPassword" })
	void shouldRefuseAViewerEveryChangeWithoutTouchingTheServices(String mutation) {
		signIn("VIEWER");
		String document = mutation.equals("revealSubscriberPassword") ? REVEAL : LIFECYCLE.formatted(mutation);

		this.graphQl.document(document)
			.variable("id", UUID.randomUUID())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));

		then(this.subscribers).shouldHaveNoInteractions();
		then(this.commandLog).shouldHaveNoInteractions();
	}

	@Test
	void shouldRefuseAViewerACreate() {
		signIn("VIEWER");

		this.graphQl.document(CREATE)
			.variable("input", Map.of("username", "alice", "password", "pa ss", "planId", UUID.randomUUID()))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));

		then(this.subscribers).shouldHaveNoInteractions();
	}

	private static void signIn(String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("user", "n/a", "ROLE_" + role));
	}

	private static Subscriber subscriber(String username, SubscriberStatus status, UUID planId, UUID routerId) {
		Subscriber subscriber = mock(Subscriber.class);
		given(subscriber.id()).willReturn(UUID.randomUUID());
		given(subscriber.username()).willReturn(username);
		given(subscriber.status()).willReturn(status);
		given(subscriber.planId()).willReturn(planId);
		given(subscriber.routerId()).willReturn(routerId);
		given(subscriber.contact()).willReturn(Contact.NONE);
		given(subscriber.createdAt()).willReturn(Instant.EPOCH);
		given(subscriber.updatedAt()).willReturn(Instant.EPOCH);
		return subscriber;
	}

}
