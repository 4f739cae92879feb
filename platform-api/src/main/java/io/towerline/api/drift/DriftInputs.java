package io.towerline.api.drift;

import java.util.List;
import java.util.UUID;

import io.towerline.core.drift.DriftAction;
import io.towerline.core.drift.DriftItem;
import io.towerline.core.drift.DriftReport;
import io.towerline.core.drift.DriftResolutions;
import io.towerline.core.drift.DriftSettings;
import io.towerline.core.drift.ImportResult;
import io.towerline.core.error.FieldError;
import io.towerline.core.operation.RouterOperation;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of drift operations. */
final class DriftInputs {

	private DriftInputs() {
	}

	record CheckDriftInput(UUID routerId) {

	}

	record CheckDriftPayload(@Nullable DriftReport report, List<FieldError> errors) {

	}

	record ResolveDriftItemsInput(UUID reportId, @Nullable List<UUID> itemIds, @Nullable Boolean all,
			DriftAction action, @Nullable Boolean confirmRemoval) {

		DriftResolutions.Request request() {
			return new DriftResolutions.Request(this.reportId, (this.itemIds != null) ? this.itemIds : List.of(),
					Boolean.TRUE.equals(this.all), this.action, Boolean.TRUE.equals(this.confirmRemoval));
		}

	}

	record ResolveDriftItemsPayload(@Nullable DriftReport report, int resolvedCount, List<DriftItem> resolved,
			List<UUID> operationIds, List<FieldError> errors) {

		static ResolveDriftItemsPayload of(DriftResolutions.Resolution resolution) {
			return new ResolveDriftItemsPayload(resolution.report(), resolution.resolved().size(),
					resolution.resolved(), resolution.operationIds(), resolution.errors());
		}

		static ResolveDriftItemsPayload failed(List<FieldError> errors) {
			return new ResolveDriftItemsPayload(null, 0, List.of(), List.of(), errors);
		}

	}

	record ImportRouterInput(UUID routerId) {

	}

	record ImportRouterPayload(@Nullable RouterOperation operation, @Nullable ImportResult routerImport,
			List<FieldError> errors) {

	}

	record SetAutomaticDriftRepairInput(boolean enabled) {

	}

	record SetAutomaticDriftRepairPayload(DriftSettings settings, List<FieldError> errors) {

	}

}
