package io.towerline.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.towerline.api.graphql.UninterruptedCalls;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * graphql-ws requests act only while their caller still has access ({@link LiveAccess}):
 * a request on a socket whose user was disabled, whose client was revoked or whose tenant
 * was suspended is refused, and a live subscription is checked every {@code check-period}
 * and ended with a coded error (the same codes HTTP answers with) once access has ended.
 * Changes on this replica reach the checks at once, others' within the revocation and
 * tenant cache lifetimes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SubscriptionAccessGuard implements WebGraphQlInterceptor {

	private static final String SECURITY_CONTEXT_KEY = SecurityContext.class.getName();

	private final LiveAccess access;

	private final Duration checkPeriod;

	SubscriptionAccessGuard(LiveAccess access,
			@Value("${towerline.security.subscription-check-period:1s}") Duration checkPeriod) {
		this.access = access;
		this.checkPeriod = checkPeriod;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest)) {
			return chain.next(request);
		}
		return Mono.deferContextual((context) -> {
			Optional<TowerlineAuthentication> caller = context.<SecurityContext>getOrEmpty(SECURITY_CONTEXT_KEY)
				.map(SecurityContext::getAuthentication)
				.filter(TowerlineAuthentication.class::isInstance)
				.map(TowerlineAuthentication.class::cast);
			if (caller.isEmpty()) {
				return chain.next(request);
			}
			Optional<LiveAccess.Ended> ended = this.access.ended(caller.get());
			if (ended.isPresent()) {
				ExecutionResult refused = ExecutionResult.newExecutionResult().addError(error(ended.get())).build();
				return Mono.just(new WebGraphQlResponse(
						new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
			}
			return chain.next(request).map((response) -> guard(response, caller.get()));
		});
	}

	private WebGraphQlResponse guard(WebGraphQlResponse response, TowerlineAuthentication caller) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?> stream)) {
			return response;
		}
		AtomicReference<LiveAccess.Ended> ended = new AtomicReference<>();
		// the check reads the database: a stream cancelled mid-check must not interrupt
		// it
		Mono<LiveAccess.Ended> accessEnds = UninterruptedCalls
			.every(this.checkPeriod, () -> this.access.ended(caller).orElse(null))
			.next()
			.doOnNext(ended::set);
		Flux<Object> guarded = Flux.<Object>from(stream)
			.takeUntilOther(accessEnds)
			.concatWith(Mono.defer(() -> (ended.get() != null)
					? Mono.error(new SubscriptionPublisherException(List.of(error(ended.get())), null))
					: Mono.empty()));
		return response.transform((builder) -> builder.data(guarded));
	}

	private static GraphQLError error(LiveAccess.Ended ended) {
		return GraphqlErrorBuilder.newError()
			.message(ended.message())
			.errorType(ErrorType.FORBIDDEN)
			.extensions(Map.of("code", ended.code()))
			.build();
	}

}
