package io.towerline.api.health;

import java.time.Instant;
import java.util.List;

import io.towerline.core.health.HealthGranularity;
import io.towerline.core.health.HealthHistory;
import io.towerline.core.health.HealthPoint;
import io.towerline.core.router.Router;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A router's health history, for every tenant role (the router itself was already read in
 * the caller's tenant).
 */
@Controller
class HealthHistoryController {

	private final HealthHistory history;

	HealthHistoryController(HealthHistory history) {
		this.history = history;
	}

	@SchemaMapping(typeName = "Router", field = "healthHistory")
	List<HealthPoint> healthHistory(Router router, @Argument Instant from, @Argument Instant to,
			@Argument @Nullable HealthGranularity granularity) {
		return this.history.history(router.id(), from, to,
				(granularity != null) ? granularity : HealthGranularity.MINUTE);
	}

}
