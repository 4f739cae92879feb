package io.towerline.api.subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.towerline.api.graphql.Pages;
import io.towerline.api.security.Actors;
import io.towerline.api.subscriber.SubscriberInputs.BulkChangeSubscriberPlanInput;
import io.towerline.api.subscriber.SubscriberInputs.BulkCreateSubscribersInput;
import io.towerline.api.subscriber.SubscriberInputs.BulkSubscribersPayload;
import io.towerline.api.subscriber.SubscriberInputs.ChangeSubscriberPasswordInput;
import io.towerline.api.subscriber.SubscriberInputs.ChangeSubscriberPlanInput;
import io.towerline.api.subscriber.SubscriberInputs.CreateSubscriberInput;
import io.towerline.api.subscriber.SubscriberInputs.ImportSubscribersCsvInput;
import io.towerline.api.subscriber.SubscriberInputs.MoveSubscriberInput;
import io.towerline.api.subscriber.SubscriberInputs.RevealPasswordPayload;
import io.towerline.api.subscriber.SubscriberInputs.SubscriberIdInput;
import io.towerline.api.subscriber.SubscriberInputs.SubscriberPayload;
import io.towerline.api.subscriber.SubscriberInputs.UpdateSubscriberInput;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkOutcome;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.Subscribers;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Subscribers. Reads for every tenant role; lifecycle changes for operators and tenant
 * admins; revealing a password is recorded in the command audit log. Every change returns
 * at once with the operation that carries it.
 */
@Controller
class SubscriberController {

	private final Subscribers subscribers;

	private final BulkSubscribers bulk;

	private final Plans plans;

	private final Routers routers;

	SubscriberController(Subscribers subscribers, BulkSubscribers bulk, Plans plans, Routers routers) {
		this.subscribers = subscribers;
		this.bulk = bulk;
		this.plans = plans;
		this.routers = routers;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<Subscriber> subscribers(@Argument @Nullable UUID routerId, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.subscribers.list(routerId, page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Subscriber subscriber(@Argument UUID id) {
		return this.subscribers.get(id);
	}

	/** Plans of a page of subscribers in one query. */
	@BatchMapping(typeName = "Subscriber", field = "plan")
	Map<Subscriber, Plan> plan(List<Subscriber> subscribers) {
		Map<UUID, Plan> byId = this.plans.getAll(subscribers.stream().map(Subscriber::planId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Plan::id, Function.identity()));
		return subscribers.stream().collect(Collectors.toMap(Function.identity(), (s) -> byId.get(s.planId())));
	}

	/** Routers of a page of subscribers in one query. */
	@BatchMapping(typeName = "Subscriber", field = "router")
	Map<Subscriber, Router> router(List<Subscriber> subscribers) {
		Map<UUID, Router> byId = this.routers.getAll(subscribers.stream().map(Subscriber::routerId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Router::id, Function.identity()));
		return subscribers.stream().collect(Collectors.toMap(Function.identity(), (s) -> byId.get(s.routerId())));
	}

	@SchemaMapping(typeName = "Subscriber", field = "fullName")
	@Nullable String fullName(Subscriber subscriber) {
		return subscriber.contact().fullName();
	}

	@SchemaMapping(typeName = "Subscriber", field = "email")
	@Nullable String email(Subscriber subscriber) {
		return subscriber.contact().email();
	}

	@SchemaMapping(typeName = "Subscriber", field = "phone")
	@Nullable String phone(Subscriber subscriber) {
		return subscriber.contact().phone();
	}

	@SchemaMapping(typeName = "Subscriber", field = "address")
	@Nullable String address(Subscriber subscriber) {
		return subscriber.contact().address();
	}

	@SchemaMapping(typeName = "Subscriber", field = "expiresOn")
	@Nullable String expiresOn(Subscriber subscriber) {
		return (subscriber.expiresOn() != null) ? subscriber.expiresOn().toString() : null;
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload createSubscriber(@Argument CreateSubscriberInput input) {
		return change(() -> this.subscribers.create(input.draft(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload updateSubscriber(@Argument UpdateSubscriberInput input) {
		return change(() -> this.subscribers.describe(input.id(), input.profile(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload enableSubscriber(@Argument SubscriberIdInput input) {
		return change(() -> this.subscribers.enable(input.id(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload disableSubscriber(@Argument SubscriberIdInput input) {
		return change(() -> this.subscribers.disable(input.id(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload suspendSubscriber(@Argument SubscriberIdInput input) {
		return change(() -> this.subscribers.suspend(input.id(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload deleteSubscriber(@Argument SubscriberIdInput input) {
		return change(() -> this.subscribers.delete(input.id(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload changeSubscriberPassword(@Argument ChangeSubscriberPasswordInput input) {
		return change(() -> this.subscribers.changePassword(input.id(), input.password(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload changeSubscriberPlan(@Argument ChangeSubscriberPlanInput input) {
		return change(() -> this.subscribers.changePlan(input.id(), input.planId(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriberPayload moveSubscriber(@Argument MoveSubscriberInput input) {
		return change(() -> this.subscribers.move(input.id(), input.routerId(), input.popId(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	RevealPasswordPayload revealSubscriberPassword(@Argument SubscriberIdInput input) {
		return new RevealPasswordPayload(this.subscribers.revealPassword(input.id(), Actors.current()), List.of());
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	BulkSubscribersPayload bulkCreateSubscribers(@Argument BulkCreateSubscribersInput input) {
		try {
			List<SubscriberDraft> drafts = new ArrayList<>();
			List<BulkOutcome.RejectedRow> unreadable = new ArrayList<>();
			for (int row = 0; row < input.subscribers().size(); row++) {
				CreateSubscriberInput one = input.subscribers().get(row);
				try {
					drafts.add(one.draft());
				}
				catch (InvalidInputException ex) {
					unreadable.add(new BulkOutcome.RejectedRow(row, String.valueOf(one.username()), ex.errors()));
					drafts.add(null);
				}
			}
			return BulkSubscribersPayload.of(this.bulk.createRows(drafts, unreadable, null, Actors.current()));
		}
		catch (InvalidInputException ex) {
			return BulkSubscribersPayload.failed(ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	BulkSubscribersPayload importSubscribersCsv(@Argument ImportSubscribersCsvInput input) {
		try {
			SubscriberCsv.Parsed parsed = SubscriberCsv.parse(input.csv(), this.plans.idsByName(),
					this.routers.idsByName());
			List<SubscriberDraft> drafts = new ArrayList<>(parsed.drafts());
			return BulkSubscribersPayload
				.of(this.bulk.createRows(drafts, parsed.rejected(), parsed.lines(), Actors.current()));
		}
		catch (InvalidInputException ex) {
			return BulkSubscribersPayload.failed(ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	BulkSubscribersPayload bulkChangeSubscriberPlan(@Argument BulkChangeSubscriberPlanInput input) {
		try {
			return BulkSubscribersPayload
				.of(this.bulk.changePlan(input.subscriberIds(), input.planId(), Actors.current()));
		}
		catch (InvalidInputException ex) {
			return BulkSubscribersPayload.failed(ex.errors());
		}
	}

	private static SubscriberPayload change(Supplier<Changed> change) {
		try {
			return SubscriberPayload.of(change.get());
		}
		catch (InvalidInputException ex) {
			return SubscriberPayload.failed(ex.errors());
		}
	}

}
