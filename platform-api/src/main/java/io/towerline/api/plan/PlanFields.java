package io.towerline.api.plan;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.towerline.core.plan.Plan;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Plan fields read straight from the plan, registered as trivial data fetchers: a list of
 * a hundred subscribers with their plans reads {@code rateLimit} a hundred times, and a
 * controller method per read (argument resolution, reflection, instrumentation) cost more
 * than the rest of the field.
 */
@Component
class PlanFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Plan", (type) -> type.dataFetcher("rateLimit", new RouterRateLimit()));
	}

	/** The stored rate limit, already in RouterOS form. */
	private static final class RouterRateLimit implements TrivialDataFetcher<String> {

		@Override
		public String get(DataFetchingEnvironment environment) {
			return environment.<Plan>getSource().routerRateLimit();
		}

	}

}
