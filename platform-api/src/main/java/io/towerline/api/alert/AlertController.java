package io.towerline.api.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.schema.DataFetchingEnvironment;
import io.towerline.api.alert.AlertInputs.AcknowledgeAlertInput;
import io.towerline.api.alert.AlertInputs.AcknowledgeAlertPayload;
import io.towerline.api.alert.AlertInputs.AlertRuleInput;
import io.towerline.api.alert.AlertInputs.AlertRulePayload;
import io.towerline.api.alert.AlertInputs.DeleteAlertRuleInput;
import io.towerline.api.alert.AlertInputs.DeleteAlertRulePayload;
import io.towerline.api.alert.AlertInputs.RetryOperationsInput;
import io.towerline.api.alert.AlertInputs.RetryOperationsPayload;
import io.towerline.api.alert.AlertInputs.UpdateAlertRuleInput;
import io.towerline.api.graphql.Pages;
import io.towerline.api.security.TenantGate;
import io.towerline.core.actor.Actor;
import io.towerline.core.alert.Alert;
import io.towerline.core.alert.AlertFilter;
import io.towerline.core.alert.AlertHistoryEntry;
import io.towerline.core.alert.AlertRule;
import io.towerline.core.alert.AlertRules;
import io.towerline.core.alert.AlertSeverity;
import io.towerline.core.alert.AlertState;
import io.towerline.core.alert.Alerts;
import io.towerline.core.alert.OperationRetries;
import io.towerline.core.alert.PlatformAlert;
import io.towerline.core.alert.PlatformAlerts;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Reads for every tenant role; acknowledging and bulk retry for operators and tenant
 * admins; rules for tenant admins; platform alerts for platform admins. Another tenant's
 * alert or rule is NOT_FOUND, exactly like one that does not exist.
 */
@Controller
class AlertController {

	private final Alerts alerts;

	private final AlertRules rules;

	private final OperationRetries retries;

	private final PlatformAlerts platformAlerts;

	private final Routers routers;

	private final AlertWatch watch;

	private final TenantGate tenants;

	AlertController(Alerts alerts, AlertRules rules, OperationRetries retries, PlatformAlerts platformAlerts,
			Routers routers, AlertWatch watch, TenantGate tenants) {
		this.alerts = alerts;
		this.rules = rules;
		this.retries = retries;
		this.platformAlerts = platformAlerts;
		this.routers = routers;
		this.watch = watch;
		this.tenants = tenants;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<Alert> alerts(@Argument @Nullable List<AlertState> state, @Argument @Nullable AlertSeverity severity,
			@Argument @Nullable UUID ruleId, @Argument @Nullable UUID routerId, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.alerts.list(filter(state, severity, ruleId, routerId), page.position(), page.size());
	}

	/** Counts with the filters of the {@code alerts} field this connection belongs to. */
	@SchemaMapping(typeName = "AlertConnection", field = "totalCount")
	long totalCount(DataFetchingEnvironment environment) {
		Map<String, Object> arguments = environment.getExecutionStepInfo().getParent().getArguments();
		@SuppressWarnings("unchecked")
		List<Object> states = (List<Object>) arguments.get("state");
		Object severity = arguments.get("severity");
		return this.alerts
			.count(filter(
					(states != null) ? states.stream().map((value) -> AlertState.valueOf(value.toString())).toList()
							: null,
					(severity != null) ? AlertSeverity.valueOf(severity.toString()) : null,
					uuid(arguments.get("ruleId")), uuid(arguments.get("routerId"))));
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Alert alert(@Argument UUID id) {
		return this.alerts.get(id);
	}

	@SchemaMapping(typeName = "Alert", field = "rule")
	@Nullable AlertRule rule(Alert alert) {
		UUID ruleId = alert.ruleId();
		// a deleted rule's alerts have no rule id (the foreign key sets it null)
		return (ruleId != null) ? this.rules.get(ruleId) : null;
	}

	@SchemaMapping(typeName = "Alert", field = "router")
	@Nullable Router router(Alert alert) {
		UUID routerId = alert.routerId();
		return (routerId != null) ? this.routers.getAll(List.of(routerId)).stream().findFirst().orElse(null) : null;
	}

	@SchemaMapping(typeName = "Alert", field = "history")
	List<AlertHistoryEntry> history(Alert alert) {
		return this.alerts.history(alert.id());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	List<AlertRule> alertRules() {
		return this.rules.list();
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	AlertRule alertRule(@Argument UUID id) {
		return this.rules.get(id);
	}

	@SchemaMapping(typeName = "AlertRule", field = "router")
	@Nullable Router ruleRouter(AlertRule rule) {
		UUID routerId = rule.routerId();
		return (routerId != null) ? this.routers.getAll(List.of(routerId)).stream().findFirst().orElse(null) : null;
	}

	@SchemaMapping(typeName = "AlertRule", field = "forSeconds")
	long forSeconds(AlertRule rule) {
		return rule.forDuration().toSeconds();
	}

	@SchemaMapping(typeName = "AlertRule", field = "clearSeconds")
	long clearSeconds(AlertRule rule) {
		return rule.clearDuration().toSeconds();
	}

	@SchemaMapping(typeName = "AlertRule", field = "windowSeconds")
	@Nullable Long windowSeconds(AlertRule rule) {
		return (rule.window() != null) ? rule.window().toSeconds() : null;
	}

	@QueryMapping
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	List<PlatformAlert> platformAlerts(@Argument @Nullable Boolean unresolvedOnly, @Argument @Nullable Integer latest) {
		int count = (latest != null) ? latest : 20;
		if (count < 1 || count > Pages.MAX_PAGE_SIZE) {
			throw new InvalidInputException(FieldError.invalid("latest", "Between 1 and " + Pages.MAX_PAGE_SIZE));
		}
		return this.platformAlerts.list(Boolean.TRUE.equals(unresolvedOnly), count);
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	AcknowledgeAlertPayload acknowledgeAlert(@Argument AcknowledgeAlertInput input, Authentication caller) {
		if (input.note() != null && input.note().length() > 1000) {
			return new AcknowledgeAlertPayload(null, List.of(FieldError.invalid("note", "At most 1000 characters")));
		}
		try {
			return new AcknowledgeAlertPayload(this.alerts.acknowledge(input.id(), input.note(), actor(caller)),
					List.of());
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.INVALID_STATE) {
				return new AcknowledgeAlertPayload(null, List.of(new FieldError("id", ex.code(), ex.getMessage())));
			}
			throw ex;
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	AlertRulePayload createAlertRule(@Argument AlertRuleInput input, Authentication caller) {
		try {
			return new AlertRulePayload(this.rules.create(input.draft(), actor(caller)), List.of());
		}
		catch (InvalidInputException ex) {
			return new AlertRulePayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	AlertRulePayload updateAlertRule(@Argument UpdateAlertRuleInput input, Authentication caller) {
		try {
			return new AlertRulePayload(this.rules.update(input.id(), input.rule().draft(), actor(caller)), List.of());
		}
		catch (InvalidInputException ex) {
			return new AlertRulePayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	DeleteAlertRulePayload deleteAlertRule(@Argument DeleteAlertRuleInput input, Authentication caller) {
		this.rules.delete(input.id(), actor(caller));
		return new DeleteAlertRulePayload(input.id(), List.of());
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	RetryOperationsPayload retryOperations(@Argument RetryOperationsInput input, Authentication caller) {
		boolean byIds = input.ids() != null;
		boolean byFilter = input.routerId() != null || input.kind() != null;
		if (byIds == byFilter) {
			return RetryOperationsPayload
				.failed(FieldError.invalid(null, "Give either 'ids' or a filter ('routerId' and/or 'kind')"));
		}
		OperationRetries.Outcome outcome = byIds ? this.retries.retry(input.ids(), actor(caller))
				: this.retries.retryMatching(input.routerId(), input.kind(), actor(caller));
		return new RetryOperationsPayload(outcome.retried().size(), outcome.retried(), outcome.errors());
	}

	/**
	 * Emits each alert of the caller's tenant as it opens, from the replica's shared poll
	 * ({@link AlertWatch}).
	 */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<Alert> alertRaised(@Argument @Nullable AlertSeverity minimumSeverity) {
		TenantId tenant = this.tenants.currentTenant();
		// proves the caller can read the tenant's alerts before the stream opens
		TenantContext.callAs(tenant, () -> this.alerts.count(AlertFilter.all()));
		return this.watch.follow(tenant)
			.filter((alert) -> minimumSeverity == null || alert.severity().compareTo(minimumSeverity) >= 0);
	}

	private static AlertFilter filter(@Nullable List<AlertState> states, @Nullable AlertSeverity severity,
			@Nullable UUID ruleId, @Nullable UUID routerId) {
		return new AlertFilter((states != null) ? states : List.of(), severity, ruleId, routerId);
	}

	private static @Nullable UUID uuid(@Nullable Object value) {
		return (value != null) ? UUID.fromString(value.toString()) : null;
	}

	private static Actor actor(Authentication caller) {
		return Actor.user(caller.getName());
	}

}
