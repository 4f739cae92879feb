package io.towerline.api.throttling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.towerline.api.limits.LimitCode;
import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.api.usage.RequestCounts;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Opens each request's account, over HTTP and graphql-ws alike: counts the request for
 * its tenant and client, refuses at once a request its caller was just throttled on
 * ({@link RecentRefusals}) or that finds its tenant's share of running operations taken
 * ({@link TenantBulkhead}), hands an {@link OperationCharge} to the
 * {@link CostInstrumentation}, and on the way out adds {@code extensions.cost} to the
 * response and {@code Retry-After} when refused. A subscription's place among its
 * tenant's open subscriptions is given back when its stream ends.
 */
final class ThrottlingInterceptor implements WebGraphQlInterceptor {

	/** Where graphql-ws puts the socket's authentication in the Reactor context. */
	private static final String SECURITY_CONTEXT_KEY = SecurityContext.class.getName();

	private final Throttle limiter;

	private final RequestCounts counts;

	private final String platformTenant;

	private final RecentRefusals refusals;

	private final TenantBulkhead bulkhead;

	private final TenantSubscriptions subscriptions;

	ThrottlingInterceptor(Throttle limiter, RequestCounts counts, String platformTenant, RecentRefusals refusals,
			TenantBulkhead bulkhead, TenantSubscriptions subscriptions) {
		this.limiter = limiter;
		this.counts = counts;
		this.platformTenant = platformTenant;
		this.refusals = refusals;
		this.bulkhead = bulkhead;
		this.subscriptions = subscriptions;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.deferContextual((context) -> {
			TowerlineAuthentication authentication = authentication(context);
			return (authentication != null) ? account(request, chain, authentication) : chain.next(request);
		});
	}

	private Mono<WebGraphQlResponse> account(WebGraphQlRequest request, Chain chain,
			TowerlineAuthentication authentication) {
		Caller caller = Caller.of(authentication, this.platformTenant);
		this.counts.increment(caller.tenant(), caller.client());
		Charge early = this.refusals.refusal(new RequestKey(caller, request.getDocument(), request.getVariables()));
		if (early != null) {
			return Mono.just(refused(request,
					LimitCode.RATE_LIMITED.error(
							"Rate limit exceeded: this operation costs " + early.requested() + " points and "
									+ early.remaining() + " are left; retry in " + early.retryAfterSeconds() + " s",
							Map.of("retryAfterSeconds", early.retryAfterSeconds())),
					early));
		}
		if (!this.bulkhead.enter(caller.tenant())) {
			Charge busy = new Charge(0, 0, 0, 0, 0, 1);
			return Mono.just(refused(request,
					LimitCode.TENANT_CONCURRENCY_EXCEEDED.error(
							"Too many operations of this tenant are running at once; retry in 1 s",
							Map.of("retryAfterSeconds", 1)),
					busy));
		}
		OperationCharge account = new OperationCharge(caller);
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(OperationCharge.class, account);
			return input;
		});
		return chain.next(request)
			.map((response) -> settle(request, response, account))
			.doFinally((signal) -> this.bulkhead.leave(caller.tenant()));
	}

	private static @Nullable TowerlineAuthentication authentication(ContextView context) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current instanceof TowerlineAuthentication authentication) {
			return authentication;
		}
		Optional<SecurityContext> socket = context.getOrEmpty(SECURITY_CONTEXT_KEY);
		return socket.map(SecurityContext::getAuthentication)
			.filter(TowerlineAuthentication.class::isInstance)
			.map(TowerlineAuthentication.class::cast)
			.orElse(null);
	}

	private WebGraphQlResponse settle(WebGraphQlRequest request, WebGraphQlResponse response, OperationCharge account) {
		Charge charge = account.charge();
		if (charge == null) {
			charge = this.limiter.chargeRefused(account.caller(), account.requested());
		}
		if (charge.throttled()) {
			response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(charge.retryAfterSeconds()));
			String tenant = account.caller().tenant();
			this.refusals.remember(new RequestKey(account.caller(), request.getDocument(), request.getVariables()),
					tenant, charge);
			if (request.getAttributes().get(ReplayKey.ATTRIBUTE) instanceof ReplayKey replay) {
				this.refusals.remember(replay, tenant, charge);
			}
		}
		Object data = response.getExecutionResult().getData();
		Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
		extensions.put("cost", charge.toExtension());
		if (account.holdsSubscription()) {
			String tenant = account.caller().tenant();
			if (data instanceof Publisher<?> stream) {
				Flux<?> counted = Flux.from(stream).doFinally((signal) -> this.subscriptions.close(tenant));
				return response.transform((builder) -> builder.data(counted).extensions(extensions));
			}
			this.subscriptions.close(tenant);
		}
		return response.transform((builder) -> builder.extensions(extensions));
	}

	private static WebGraphQlResponse refused(WebGraphQlRequest request, GraphQLError error, Charge charge) {
		ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().addError(error);
		if (charge.limit() > 0) {
			result.extensions(Map.of("cost", charge.toExtension()));
		}
		WebGraphQlResponse response = new WebGraphQlResponse(
				new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result.build()));
		response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(charge.retryAfterSeconds()));
		return response;
	}

	/** A request as the interceptor sees it: same caller, same document, same price. */
	private record RequestKey(Caller caller, String document, Map<String, Object> variables) {

	}

}
