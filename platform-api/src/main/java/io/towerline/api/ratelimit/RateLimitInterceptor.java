package io.towerline.api.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.api.usage.RequestCounts;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Opens each request's account: counts the request for its tenant and client, hands an
 * {@link OperationCharge} to the {@link CostInstrumentation}, and on the way out adds
 * {@code extensions.cost} to the response and {@code Retry-After} when throttled.
 * Transport-agnostic: the same happens for HTTP and (once wired) WebSocket requests; only
 * HTTP turns RATE_LIMITED into status 429.
 */
final class RateLimitInterceptor implements WebGraphQlInterceptor {

	private final RateLimiter limiter;

	private final RequestCounts counts;

	private final String platformTenant;

	RateLimitInterceptor(RateLimiter limiter, RequestCounts counts, String platformTenant) {
		this.limiter = limiter;
		this.counts = counts;
		this.platformTenant = platformTenant;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof TowerlineAuthentication caller)) {
			return chain.next(request);
		}
		OperationCharge account = new OperationCharge(Caller.of(caller, this.platformTenant));
		this.counts.increment(account.caller().tenant(), account.caller().client());
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(OperationCharge.class, account);
			return input;
		});
		return chain.next(request).map((response) -> settle(response, account));
	}

	private WebGraphQlResponse settle(WebGraphQlResponse response, OperationCharge account) {
		Charge charge = account.charge();
		if (charge == null) {
			charge = this.limiter.chargeRefused(account.caller(), account.requested());
		}
		if (charge.throttled()) {
			response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(charge.retryAfterSeconds()));
		}
		Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
		extensions.put("cost", charge.toExtension());
		return response.transform((builder) -> builder.extensions(extensions));
	}

}
