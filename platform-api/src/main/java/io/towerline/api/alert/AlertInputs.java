package io.towerline.api.alert;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.towerline.core.alert.Alert;
import io.towerline.core.alert.AlertRule;
import io.towerline.core.alert.AlertRuleDraft;
import io.towerline.core.alert.AlertRuleType;
import io.towerline.core.alert.AlertSeverity;
import io.towerline.core.error.FieldError;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.RouterOperation;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of alerts. */
final class AlertInputs {

	private AlertInputs() {
	}

	record AcknowledgeAlertInput(UUID id, @Nullable String note) {

	}

	record AcknowledgeAlertPayload(@Nullable Alert alert, List<FieldError> errors) {

	}

	record AlertRuleInput(AlertRuleType type, String name, AlertSeverity severity, @Nullable Boolean enabled,
			@Nullable UUID routerId, @Nullable Integer threshold, int forSeconds, int clearSeconds,
			@Nullable Integer windowSeconds, @Nullable String minimumVersion, @Nullable Boolean notifyOnResolve) {

		AlertRuleDraft draft() {
			return new AlertRuleDraft(this.type, this.name, this.severity, !Boolean.FALSE.equals(this.enabled),
					this.routerId, this.threshold, Duration.ofSeconds(this.forSeconds),
					Duration.ofSeconds(this.clearSeconds),
					(this.windowSeconds != null) ? Duration.ofSeconds(this.windowSeconds) : null, this.minimumVersion,
					Boolean.TRUE.equals(this.notifyOnResolve));
		}

	}

	record UpdateAlertRuleInput(UUID id, AlertRuleInput rule) {

	}

	record DeleteAlertRuleInput(UUID id) {

	}

	record AlertRulePayload(@Nullable AlertRule rule, List<FieldError> errors) {

	}

	record DeleteAlertRulePayload(@Nullable UUID deletedId, List<FieldError> errors) {

	}

	record RetryOperationsInput(@Nullable List<UUID> ids, @Nullable UUID routerId, @Nullable OperationKind kind) {

	}

	record RetryOperationsPayload(int retriedCount, List<RouterOperation> operations, List<FieldError> errors) {

		static RetryOperationsPayload failed(FieldError error) {
			return new RetryOperationsPayload(0, List.of(), List.of(error));
		}

	}

}
